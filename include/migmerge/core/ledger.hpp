#pragma once
// The rename ledger: one "from<TAB>to" per line, appended by `fix`, merged by
// git's union driver, applied to SequelizeMeta by `repair`. Blank lines and
// lines starting with '#' are comments. Duplicate lines (which union merges
// can produce) are harmless. A UTF-8 byte order mark before the first line
// and CRLF line endings (a ledger edited on Windows) are read as if absent.
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <unordered_map>
#include <vector>

namespace migmerge::core {

struct LedgerEntry {
    std::string from;
    std::string to;

    friend bool operator==(const LedgerEntry& a, const LedgerEntry& b) {
        return a.from == b.from && a.to == b.to;
    }
};

class Ledger {
  public:
    Ledger() = default;
    // Throws Error(bad_input) naming `source` and the 1-based line of the first
    // malformed line: no tab, an empty side, from == to, a name over 255 bytes.
    static Ledger parse(const std::string& text, const std::string& source = "ledger");
    // Entries of several ledgers (base, head, result), in order, duplicates dropped.
    static Ledger merge(const std::vector<Ledger>& ledgers);
    // A ledger of these entries, in order, duplicates dropped (for callers
    // that append planned renames to a parsed ledger).
    static Ledger from_entries(const std::vector<LedgerEntry>& entries);

    const std::vector<LedgerEntry>& entries() const { return entries_; }
    bool empty() const { return entries_.empty(); }
    // The 1-based line entries()[index] was parsed from (its first line when
    // repeated); 0 for an entry that came from from_entries.
    std::size_t line_of(std::size_t index) const { return lines_[index]; }
    // Chains are followed in ledger order, as `repair` applies them: from
    // `name`, the first entry renaming it, then the first LATER entry renaming
    // that name, and so on. Each entry is used at most once, so a cycle
    // (a->b, b->a) ends where the ledger ends (back at a) instead of looping.
    bool records(const std::string& from, const std::string& to) const;  // directly or by chain
    // Follows a->b->c to the end; nullopt when `name` was never renamed.
    std::optional<std::string> final_name(const std::string& name) const;
    // Every other name whose chain passes through `name`, in byte order.
    std::vector<std::string> earlier_names(const std::string& name) const;

    // The text to append for new entries (each "from\tto\n").
    static std::string format(const std::vector<LedgerEntry>& entries);

    friend bool operator==(const Ledger& a, const Ledger& b) { return a.entries_ == b.entries_; }

  private:
    void add(const LedgerEntry& entry, std::size_t line);  // skips an entry already present
    // The names `name` takes after it, in ledger order (empty: never renamed).
    std::vector<std::string> chain_from(const std::string& name) const;

    std::vector<LedgerEntry> entries_;
    std::vector<std::size_t> lines_;  // parallel to entries_
    // from -> indexes of the entries renaming it, ascending; derived from entries_.
    std::unordered_map<std::string, std::vector<std::size_t>> by_from_;
};

std::ostream& operator<<(std::ostream& out, const LedgerEntry& entry);
std::ostream& operator<<(std::ostream& out, const Ledger& ledger);

}  // namespace migmerge::core
