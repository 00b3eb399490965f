// Ledger entries that repair and migrate must not apply: see ledger_check.hpp.
#include "migmerge/core/ledger_check.hpp"
#include "sorted_names.hpp"

#include <algorithm>
#include <unordered_map>

#include "migmerge/core/error.hpp"
#include "migmerge/core/migration_name.hpp"

namespace migmerge::core {
namespace {

using Entries = std::vector<LedgerEntry>;

// The name each entry gives a row, and where the row goes after it: the
// first LATER entry renaming that name, as repair replays the ledger.
class Chains {
  public:
    explicit Chains(const Entries& entries) : entries_(entries) {
        for (std::size_t i = 0; i < entries.size(); ++i) by_from_[entries[i].from].push_back(i);
    }
    // The last name of the chain that starts with entries_[index].
    const std::string& end_of(std::size_t index) const {
        for (;;) {
            auto found = by_from_.find(entries_[index].to);
            if (found == by_from_.end()) break;
            auto later = std::upper_bound(found->second.begin(), found->second.end(), index);
            if (later == found->second.end()) break;
            index = *later;
        }
        return entries_[index].to;
    }

  private:
    const Entries& entries_;
    std::unordered_map<std::string, std::vector<std::size_t>> by_from_;
};

using detail::SortedNames;

std::string still_a_file_reason(const LedgerEntry& entry, bool to_is_file) {
    if (to_is_file) {
        return "both are migration files in the folder: on a database that ran " + entry.from +
               ", repair would record it as " + entry.to + ", which then never runs, and migrate " +
               "would run " + entry.from + " again";
    }
    return entry.from + " is still a migration file in the folder: on a database that ran it, " +
           "repair would record it as " + entry.to + " and migrate would run it again";
}

// A renamed migration's old name must be gone, unless a later entry gives
// that name to another migration.
std::optional<UnsafeEntry> still_a_file(const Entries& entries,
                                        const std::vector<std::string>& migrations) {
    const SortedNames files(migrations);
    std::unordered_map<std::string, std::size_t> last_given;  // name -> last entry renaming onto it
    for (std::size_t i = 0; i < entries.size(); ++i) last_given[entries[i].to] = i;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const LedgerEntry& entry = entries[i];
        if (!files.contains(entry.from)) continue;
        auto given = last_given.find(entry.from);
        if (given != last_given.end() && given->second > i) continue;
        return UnsafeEntry{i, still_a_file_reason(entry, files.contains(entry.to))};
    }
    return std::nullopt;
}

// One name renamed twice, to chains that end apart: which is the migration?
std::optional<UnsafeEntry> renamed_twice(const Ledger& ledger) {
    const Entries& entries = ledger.entries();
    const Chains chains(entries);
    std::unordered_map<std::string, std::size_t> renamed_at;  // name -> last entry renaming it
    std::unordered_map<std::string, std::size_t> given_at;    // name -> last entry renaming onto it
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const LedgerEntry& entry = entries[i];
        auto earlier = renamed_at.find(entry.from);
        if (earlier != renamed_at.end()) {
            std::size_t j = earlier->second;
            auto given = given_at.find(entry.from);
            bool given_again = given != given_at.end() && given->second > j;
            if (!given_again && chains.end_of(j) != chains.end_of(i)) {
                return UnsafeEntry{i, entry.from + " was already renamed to " + entries[j].to +
                                          " on line " + std::to_string(ledger.line_of(j)) +
                                          ": which name the migration has is ambiguous"};
            }
        }
        renamed_at[entry.from] = i;
        given_at[entry.to] = i;
    }
    return std::nullopt;
}

// Kahn's algorithm over the first `count` entries: linear time.
bool has_cycle(const Entries& entries, std::size_t count) {
    std::unordered_map<std::string, std::size_t> ids;
    std::vector<std::vector<std::size_t>> out;
    std::vector<std::size_t> in_degree;
    auto id = [&](const std::string& name) {
        auto [it, added] = ids.emplace(name, ids.size());
        if (added) out.emplace_back(), in_degree.push_back(0);
        return it->second;
    };
    for (std::size_t i = 0; i < count; ++i) {
        std::size_t from = id(entries[i].from);
        std::size_t to = id(entries[i].to);
        out[from].push_back(to);
        ++in_degree[to];
    }
    std::vector<std::size_t> ready;
    for (std::size_t node = 0; node < in_degree.size(); ++node) {
        if (in_degree[node] == 0) ready.push_back(node);
    }
    std::size_t removed = 0;
    for (; !ready.empty(); ++removed) {
        std::size_t node = ready.back();
        ready.pop_back();
        for (std::size_t next : out[node]) {
            if (--in_degree[next] == 0) ready.push_back(next);
        }
    }
    return removed < in_degree.size();
}

// The names from `start` to `goal` along the first `count` entries (start
// first), or none.
std::vector<std::string> path_between(const Entries& entries, std::size_t count,
                                      const std::string& start, const std::string& goal) {
    std::unordered_map<std::string, std::vector<std::string>> edges;
    for (std::size_t i = 0; i < count; ++i) edges[entries[i].from].push_back(entries[i].to);
    std::unordered_map<std::string, std::string> parent{{start, start}};
    std::vector<std::string> stack{start};
    while (!stack.empty()) {
        std::string name = stack.back();
        stack.pop_back();
        if (name == goal) {
            std::vector<std::string> path{goal};
            while (path.back() != start) path.push_back(parent.at(path.back()));
            std::reverse(path.begin(), path.end());
            return path;
        }
        for (const std::string& to : edges[name]) {
            if (parent.emplace(to, name).second) stack.push_back(to);
        }
    }
    return {};
}

// The first entry whose new name already leads back to its old one: the
// shortest prefix of the ledger with a cycle ends with it, and whether a
// prefix has one grows with its length, so a binary search finds it.
std::optional<UnsafeEntry> closes_cycle(const Entries& entries) {
    if (!has_cycle(entries, entries.size())) return std::nullopt;
    std::size_t low = 1, high = entries.size();  // has_cycle(high) holds
    while (low < high) {
        std::size_t middle = low + (high - low) / 2;
        if (has_cycle(entries, middle))
            high = middle;
        else
            low = middle + 1;
    }
    const LedgerEntry& entry = entries[high - 1];
    std::string cycle = entry.from;
    for (const std::string& name : path_between(entries, high - 1, entry.to, entry.from)) {
        cycle += " -> " + name;
    }
    return UnsafeEntry{high - 1, "it closes a cycle of renames: " + cycle};
}

}  // namespace

std::optional<UnsafeEntry> find_unsafe_entry(const Ledger& ledger,
                                             const std::vector<std::string>& migrations) {
    std::optional<UnsafeEntry> first;
    // On one entry, the cycle is the cause of the rest.
    for (auto&& found : {closes_cycle(ledger.entries()), renamed_twice(ledger),
                         still_a_file(ledger.entries(), migrations)}) {
        if (found && (!first || found->index < first->index)) first = found;
    }
    return first;
}

Ledger read_ledger(const std::string& text, const std::string& source,
                   const std::vector<std::string>& migrations) {
    Ledger ledger = Ledger::parse(text, source);
    if (std::optional<UnsafeEntry> unsafe = find_unsafe_entry(ledger, migrations)) {
        const LedgerEntry& entry = ledger.entries()[unsafe->index];
        throw bad_input("unsafe ledger entry in " + source + " line " +
                            std::to_string(ledger.line_of(unsafe->index)) + " (" + entry.from +
                            " -> " + entry.to + ")",
                        unsafe->reason);
    }
    return ledger;
}

Ledger read_ledger(const MigrationSet& set, const std::string& source) {
    std::vector<std::string> migrations;
    for (const auto& [name, content] : set.files) {
        if (sequelize_would_run(name)) migrations.push_back(name);
    }
    return read_ledger(set.ledger_text, source, migrations);
}

}  // namespace migmerge::core
