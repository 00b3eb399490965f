#include "migmerge/core/verify.hpp"

#include <algorithm>
#include <map>
#include <sstream>

#include "migmerge/core/error.hpp"

namespace migmerge::core {
namespace {

constexpr std::size_t listed_at_most = 5;

const std::vector<std::pair<const char*, VerifyCheck>>& check_names() {
    static const std::vector<std::pair<const char*, VerifyCheck>> names = {
        {"replay", VerifyCheck::replay},
        {"reversible", VerifyCheck::reversible},
        {"order", VerifyCheck::order},
        {"idempotent", VerifyCheck::idempotent}};
    return names;
}

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

VerifyCheck check_named(const std::string& name) {
    for (const auto& [spelling, check] : check_names()) {
        if (name == spelling) return check;
    }
    throw bad_input("unknown check '" + name + "'",
                    "the checks are replay, reversible, order and idempotent");
}

void add_once(std::vector<VerifyCheck>& checks, VerifyCheck check) {
    if (!wants(checks, check)) checks.push_back(check);
}

std::string joined(const std::vector<std::string>& items, std::size_t at_most) {
    std::string text;
    for (std::size_t i = 0; i < items.size() && i < at_most; ++i) {
        text += (i ? ", " : "") + items[i];
    }
    if (items.size() > at_most) text += " and " + std::to_string(items.size() - at_most) + " more";
    return text;
}

std::string difference_text(const ObjectDifference& difference, const std::string& extra_word,
                            const std::string& missing_word) {
    switch (difference.kind) {
        case ObjectDifference::Kind::extra:
            return difference.object + " (" + extra_word + ")";
        case ObjectDifference::Kind::missing:
            return difference.object + " (" + missing_word + ")";
        case ObjectDifference::Kind::changed:
            break;
    }
    std::string details;
    for (const std::string& detail : difference.details)
        details += (details.empty() ? "" : "; ") + detail;
    return difference.object + " (" + details + ")";
}

Finding finding(FindingCode code, Severity severity, std::vector<std::string> files,
                std::string message) {
    Finding made = make_finding(code, severity, std::move(files));
    made.message = std::move(message);
    return made;
}

}  // namespace

std::string to_string(VerifyCheck check) {
    for (const auto& [spelling, named] : check_names()) {
        if (named == check) return spelling;
    }
    return "unknown";
}

std::vector<VerifyCheck> parse_checks(const std::string& list, bool with_refs) {
    std::vector<VerifyCheck> checks;
    std::istringstream items(list);
    for (std::string item; std::getline(items, item, ',');) {
        if (!trimmed(item).empty()) add_once(checks, check_named(trimmed(item)));
    }
    if (checks.empty()) throw bad_input("no checks named", "--checks '" + list + "'");
    if (wants(checks, VerifyCheck::order) && !with_refs) {
        throw bad_input("the order check needs the two sides of a merge",
                        "no --base and no merge at HEAD",
                        "pass --base REF (and --head REF), or leave order out of --checks");
    }
    return checks;
}

std::vector<VerifyCheck> default_checks(bool with_refs, bool idempotent) {
    std::vector<VerifyCheck> checks = {VerifyCheck::replay, VerifyCheck::reversible};
    if (with_refs) checks.push_back(VerifyCheck::order);
    if (idempotent) checks.push_back(VerifyCheck::idempotent);
    return checks;
}

bool wants(const std::vector<VerifyCheck>& checks, VerifyCheck check) {
    return std::find(checks.begin(), checks.end(), check) != checks.end();
}

MigrationSet merge_after_fix(const AnalysisInput& input, const Plan& plan) {
    MigrationSet result = input.sets.result;
    std::vector<LedgerEntry> entries = input.ledger.entries();
    for (const Rename& rename : plan.renames) {
        entries.push_back({rename.from, rename.to});
        if (!rename.move_file) continue;
        auto file = result.files.find(rename.from);
        if (file == result.files.end()) continue;
        result.files[rename.to] = file->second;
        result.files.erase(rename.from);
    }
    result.ledger_text = Ledger::format(Ledger::from_entries(entries).entries());
    return result;
}

std::vector<std::string> deployed_run_order(const MigrationSet& deployed,
                                            const MigrationSet& result, const Ledger& ledger) {
    std::vector<std::string> order;
    for (const auto& [name, content] : deployed.files) {
        const std::string now = ledger.final_name(name).value_or(name);
        if (result.contains(now)) order.push_back(now);
    }
    for (const auto& [name, content] : result.files) {
        if (std::find(order.begin(), order.end(), name) == order.end()) order.push_back(name);
    }
    return order;
}

std::vector<std::string> reordered(const std::vector<std::string>& ran,
                                   const std::vector<std::string>& fresh) {
    std::map<std::string, std::size_t> position;
    for (std::size_t i = 0; i < fresh.size(); ++i) position.emplace(fresh[i], i);
    std::vector<std::size_t> at;
    std::vector<std::string> names;
    for (const std::string& name : ran) {
        auto found = position.find(name);
        if (found == position.end()) continue;
        at.push_back(found->second);
        names.push_back(name);
    }
    // A name is involved when something ran before it that fresh runs after
    // it, or after it that fresh runs before: prefix maxima, suffix minima.
    std::vector<std::size_t> suffix_min(at.size() + 1, fresh.size());
    for (std::size_t i = at.size(); i-- > 0;) suffix_min[i] = std::min(suffix_min[i + 1], at[i]);
    std::vector<std::string> involved;
    std::size_t prefix_max = 0;
    for (std::size_t i = 0; i < at.size(); ++i) {
        const bool later_ran_first = i > 0 && prefix_max > at[i];
        if (later_ran_first || suffix_min[i + 1] < at[i]) involved.push_back(names[i]);
        prefix_max = std::max(prefix_max, at[i]);
    }
    return involved;
}

std::string list_differences(const std::vector<ObjectDifference>& differences,
                             const std::string& extra_word, const std::string& missing_word) {
    std::vector<std::string> items;
    for (const ObjectDifference& difference : differences) {
        items.push_back(difference_text(difference, extra_word, missing_word));
    }
    return joined(items, listed_at_most);
}

Finding replay_failure(const std::string& name, const std::string& error) {
    return finding(FindingCode::replay_failed, Severity::error, {name},
                   "up failed on an empty database after the migrations before it: " + error);
}

Finding irreversible_down(const std::string& name, const std::string& error) {
    Finding made = finding(FindingCode::irreversible, Severity::warning, {name},
                           "down throws, so this migration cannot be undone: " + error);
    made.advice = "if that is on purpose, say so in the migration; undo stops there";
    return made;
}

std::optional<Finding> down_leftovers(const std::string& name,
                                      const std::vector<ObjectDifference>& differences) {
    if (differences.empty()) return std::nullopt;
    return finding(FindingCode::down_incomplete, Severity::error, {name},
                   "after up and down the schema is not what it was before up: " +
                       list_differences(differences, "left behind", "removed"));
}

std::optional<Finding> up_again_differs(const std::string& name,
                                        const std::vector<ObjectDifference>& differences) {
    if (differences.empty()) return std::nullopt;
    if (only_row_content(differences)) {
        // Seeds that stamp rows with new Date() do this on every run: the
        // schema and the row counts agree, only values differ.
        Finding made = finding(FindingCode::up_not_repeatable, Severity::warning, {name},
                               "up after down writes the same rows with other values: " +
                                   list_differences(differences, "", ""));
        made.advice =
            "harmless when the values are times or random; fixed values let verify "
            "prove the data too";
        return made;
    }
    return finding(
        FindingCode::up_not_repeatable, Severity::error, {name},
        "up after down gives another schema than the first up: " +
            list_differences(differences, "only after the second up", "only after the first up"));
}

std::optional<Finding> order_verdict(const std::string& history,
                                     const std::vector<ObjectDifference>& differences,
                                     const std::vector<std::string>& involved) {
    if (differences.empty()) return std::nullopt;
    const std::string objects = list_differences(differences, "only there", "missing there");
    if (only_column_order(differences)) {
        Finding made = finding(FindingCode::column_order, Severity::warning, involved,
                               "a database " + history +
                                   " has the columns of a fresh one in another order: " + objects);
        made.advice = "harmless unless the application relies on column order (SELECT *, COPY)";
        return made;
    }
    std::string message =
        "a database " + history + " ends with another schema than a fresh one: " + objects;
    if (!involved.empty())
        message +=
            "; the migrations run in another order there: " + joined(involved, listed_at_most);
    Finding made = finding(FindingCode::order_dependent, Severity::error, involved, message);
    made.advice = "make the later migration independent of the other side's, or fix the order";
    return made;
}

Finding order_failure(const std::string& history, const std::string& name,
                      const std::string& error) {
    return finding(FindingCode::order_failed, Severity::error, {name},
                   "fails on a database " + history + ": " + error);
}

Finding not_idempotent(const std::string& name, const std::string& what) {
    Finding made =
        finding(FindingCode::not_idempotent, Severity::error, {name}, "running up again " + what);
    made.advice = "guard each step (createTable only when the table is missing, and so on)";
    return made;
}

}  // namespace migmerge::core
