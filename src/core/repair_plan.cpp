// `repair` decided without a database: the ledger replayed over the rows.
#include "migmerge/core/repair_plan.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "database_findings.hpp"

namespace migmerge::core {
namespace {

// The rows as the ledger is replayed, each remembering the name it had in
// the table, so a chain a->b->c on row a becomes one change a->c.
struct Rows {
    std::unordered_map<std::string, std::string> original_of;  // current name -> name in table
    std::unordered_set<std::string> double_applied;            // rows repair must leave alone

    bool has(const std::string& name) const { return original_of.count(name) != 0; }
    void rename(const std::string& from, const std::string& to) {
        auto node = original_of.extract(from);
        node.key() = to;
        original_of.insert(std::move(node));
    }
};

void replay(const Ledger& ledger, Rows& rows, std::vector<Finding>& findings) {
    for (const LedgerEntry& entry : ledger.entries()) {
        bool has_from = rows.has(entry.from);
        bool has_to = rows.has(entry.to);
        if (has_from && !has_to) {
            rows.rename(entry.from, entry.to);
        } else if (has_from && has_to) {
            findings.push_back(double_applied_finding(entry.from, entry.to));
            rows.double_applied.insert(entry.from);
            rows.double_applied.insert(entry.to);
        }
    }
}

// Renames in an order that is safe one UPDATE at a time: a row moves onto a
// name only after the row that had that name has moved away. Otherwise by old
// name. A cycle (rows a and b swapping names) has no such order; it is kept as
// found and the database's unique key rejects it.
std::vector<RowChange> safe_order(std::vector<RowChange> renames) {
    std::sort(renames.begin(), renames.end(),
              [](const RowChange& a, const RowChange& b) { return a.old_name < b.old_name; });
    std::unordered_map<std::string, std::size_t> by_old_name;
    for (std::size_t i = 0; i < renames.size(); ++i) by_old_name.emplace(renames[i].old_name, i);
    std::vector<bool> placed(renames.size(), false);
    std::vector<RowChange> ordered;
    for (std::size_t i = 0; i < renames.size(); ++i) {
        std::vector<std::size_t> blockers;  // i, the change freeing its target, and so on
        for (std::size_t j = i; !placed[j];) {
            placed[j] = true;
            blockers.push_back(j);
            auto owner = by_old_name.find(renames[j].new_name);
            if (owner == by_old_name.end()) break;
            j = owner->second;
        }
        for (auto k = blockers.rbegin(); k != blockers.rend(); ++k) ordered.push_back(renames[*k]);
    }
    return ordered;
}

}  // namespace

RepairPlan plan_repair(const RepairInput& input) {
    Rows rows;
    for (const std::string& row : input.rows) rows.original_of.emplace(row, row);
    RepairPlan plan;
    replay(input.ledger, rows, plan.findings);
    std::vector<RowChange> renames;
    std::vector<std::string> orphans;
    for (const auto& [current, original] : rows.original_of) {
        if (current != original) renames.push_back({original, current});
        if (!input.files.count(current) && !rows.double_applied.count(current)) {
            orphans.push_back(current);
        }
    }
    plan.changes = safe_order(std::move(renames));
    std::sort(orphans.begin(), orphans.end());
    for (const std::string& orphan : orphans) {
        if (input.prune_orphans) {
            plan.changes.push_back({orphan, ""});
        } else {
            plan.findings.push_back(orphaned_finding(orphan));
        }
    }
    sort_findings(plan.findings);
    return plan;
}

std::ostream& operator<<(std::ostream& out, const RowChange& change) {
    if (change.is_delete()) return out << "delete " << change.old_name;
    return out << change.old_name << " -> " << change.new_name;
}

std::ostream& operator<<(std::ostream& out, const RepairPlan& plan) {
    out << "RepairPlan{";
    for (const RowChange& change : plan.changes) out << change << "; ";
    for (const Finding& finding : plan.findings) out << finding << "; ";
    return out << "}";
}

}  // namespace migmerge::core
