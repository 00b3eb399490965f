#include "migmerge/core/ledger.hpp"

#include <algorithm>
#include <unordered_set>

#include "migmerge/core/error.hpp"
#include "migmerge/core/migration_name.hpp"
#include "text_lines.hpp"

namespace migmerge::core {
namespace {

using detail::is_comment_or_blank;
using detail::split_lines;

// Why a ledger line is malformed, or empty when it is a good entry.
std::string line_problem(const std::string& line) {
    std::size_t tabs = std::count(line.begin(), line.end(), '\t');
    if (tabs == 0) return "no tab between the old and the new name";
    if (tabs > 1) return "more than one tab";
    std::size_t tab = line.find('\t');
    std::size_t to_size = line.size() - tab - 1;
    if (tab == 0) return "the old name is empty";
    if (to_size == 0) return "the new name is empty";
    if (tab > max_name_bytes || to_size > max_name_bytes) return "a name is over 255 bytes";
    if (line.compare(0, tab, line, tab + 1) == 0) return "the old and the new name are the same";
    // Written back as a first line, the mark would be read as the file's own.
    const char* mark = "\xEF\xBB\xBF";
    if (line.compare(0, 3, mark) == 0 || line.compare(tab + 1, 3, mark) == 0)
        return "a name starts with a byte order mark (U+FEFF)";
    return {};
}

}  // namespace

Ledger Ledger::parse(const std::string& text, const std::string& source) {
    Ledger ledger;
    std::vector<std::string> lines = split_lines(text);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (is_comment_or_blank(lines[i])) continue;
        std::string problem = line_problem(lines[i]);
        if (!problem.empty()) {
            throw bad_input("malformed ledger " + source + " line " + std::to_string(i + 1),
                            problem, "each line is: old name, one tab, new name");
        }
        std::size_t tab = lines[i].find('\t');
        ledger.add({lines[i].substr(0, tab), lines[i].substr(tab + 1)}, i + 1);
    }
    return ledger;
}

Ledger Ledger::merge(const std::vector<Ledger>& ledgers) {
    Ledger merged;
    for (const Ledger& ledger : ledgers) {
        for (std::size_t i = 0; i < ledger.entries_.size(); ++i) {
            merged.add(ledger.entries_[i], ledger.lines_[i]);
        }
    }
    return merged;
}

Ledger Ledger::from_entries(const std::vector<LedgerEntry>& entries) {
    Ledger ledger;
    for (const LedgerEntry& entry : entries) ledger.add(entry, 0);
    return ledger;
}

void Ledger::add(const LedgerEntry& entry, std::size_t line) {
    auto& indexes = by_from_[entry.from];
    for (std::size_t index : indexes) {
        if (entries_[index].to == entry.to) return;
    }
    indexes.push_back(entries_.size());
    entries_.push_back(entry);
    lines_.push_back(line);
}

std::vector<std::string> Ledger::chain_from(const std::string& name) const {
    std::vector<std::string> chain;
    const std::string* current = &name;
    std::size_t next_entry = 0;
    for (;;) {
        auto found = by_from_.find(*current);
        if (found == by_from_.end()) break;
        const auto& indexes = found->second;
        auto later = std::lower_bound(indexes.begin(), indexes.end(), next_entry);
        if (later == indexes.end()) break;
        next_entry = *later + 1;
        current = &entries_[*later].to;
        chain.push_back(*current);
    }
    return chain;
}

bool Ledger::records(const std::string& from, const std::string& to) const {
    std::vector<std::string> chain = chain_from(from);
    return std::find(chain.begin(), chain.end(), to) != chain.end();
}

std::optional<std::string> Ledger::final_name(const std::string& name) const {
    std::vector<std::string> chain = chain_from(name);
    if (chain.empty()) return std::nullopt;
    return chain.back();
}

std::vector<std::string> Ledger::earlier_names(const std::string& name) const {
    // Walking the entries backwards: `reaching` holds the names whose chain,
    // starting at the current entry, passes through `name`.
    std::unordered_set<std::string> reaching{name};
    for (auto entry = entries_.rbegin(); entry != entries_.rend(); ++entry) {
        if (entry->from == name) continue;
        if (reaching.count(entry->to) != 0) {
            reaching.insert(entry->from);
        } else {
            reaching.erase(entry->from);
        }
    }
    reaching.erase(name);
    std::vector<std::string> names(reaching.begin(), reaching.end());
    std::sort(names.begin(), names.end());
    return names;
}

std::string Ledger::format(const std::vector<LedgerEntry>& entries) {
    std::string text;
    for (const LedgerEntry& entry : entries) text += entry.from + "\t" + entry.to + "\n";
    return text;
}

std::ostream& operator<<(std::ostream& out, const LedgerEntry& entry) {
    return out << entry.from << " -> " << entry.to;
}

std::ostream& operator<<(std::ostream& out, const Ledger& ledger) {
    out << "Ledger{";
    const char* separator = "";
    for (const LedgerEntry& entry : ledger.entries()) {
        out << separator << entry;
        separator = "; ";
    }
    return out << "}";
}

}  // namespace migmerge::core
