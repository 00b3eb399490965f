#pragma once
// The rules of `migmerge verify`: which checks run, the merge it verifies,
// the order a deployed database runs a merge's migrations in, and the
// findings a difference of schemas becomes. Running the migrations and
// reading the catalogue are the run and db layers'; this is pure.
#include <optional>
#include <string>
#include <vector>

#include "migmerge/core/analysis.hpp"
#include "migmerge/core/finding.hpp"
#include "migmerge/core/ledger.hpp"
#include "migmerge/core/planner.hpp"
#include "migmerge/core/schema_snapshot.hpp"

namespace migmerge::core {

enum class VerifyCheck { replay, reversible, order, idempotent };
std::string to_string(VerifyCheck check);  // "replay", ...

// "replay,reversible" (spaces allowed). Error(bad_input) naming an unknown
// check, or `order` without refs to take the histories from.
std::vector<VerifyCheck> parse_checks(const std::string& list, bool with_refs);
// Without --checks: replay and reversible; order with refs; idempotent
// when the project promises it (--idempotent, migmerge.json).
std::vector<VerifyCheck> default_checks(bool with_refs, bool idempotent);
bool wants(const std::vector<VerifyCheck>& checks, VerifyCheck check);

// The judged result as `fix` would leave it: the plan's files renamed and
// every rename in the ledger (with the ledgers merged), so a deployed
// database's rows are repaired as they will be after the merge lands.
MigrationSet merge_after_fix(const AnalysisInput& input, const Plan& plan);

// The order a database that ran `deployed` (byte order) runs the merge's
// migrations in after `migmerge migrate`: its own, named as the result names
// them (the ledger's final names), then the result's others in byte order.
std::vector<std::string> deployed_run_order(const MigrationSet& deployed,
                                            const MigrationSet& result, const Ledger& ledger);
// The names of `ran` that ran in another relative order than in `fresh`
// (each name at most once; names missing from `fresh` are left out).
std::vector<std::string> reordered(const std::vector<std::string>& ran,
                                   const std::vector<std::string>& fresh);

// The findings, each naming its migration(s) and the objects that differ
// (at most a few, "and N more").
Finding replay_failure(const std::string& name, const std::string& error);
Finding irreversible_down(const std::string& name, const std::string& error);
// After `up` then `down`, against the schema before `up`; nullopt when equal.
std::optional<Finding> down_leftovers(const std::string& name,
                                      const std::vector<ObjectDifference>& differences);
// A second `up` (after `down`) against the first; nullopt when equal, a
// warning when only the content of some tables' rows differs (same counts).
std::optional<Finding> up_again_differs(const std::string& name,
                                        const std::vector<ObjectDifference>& differences);
// A deployed history (`history`: "deployed from base (origin/main)") against a
// fresh database; nullopt when equal, a column-order warning when only the
// column order differs, else order-dependent naming `involved`.
std::optional<Finding> order_verdict(const std::string& history,
                                     const std::vector<ObjectDifference>& differences,
                                     const std::vector<std::string>& involved);
Finding order_failure(const std::string& history, const std::string& name,
                      const std::string& error);
// `what`: "running up again failed: ..." or the objects it changed.
Finding not_idempotent(const std::string& name, const std::string& what);
// The differences as the findings list them: "index public.x (left behind)".
std::string list_differences(const std::vector<ObjectDifference>& differences,
                             const std::string& extra_word, const std::string& missing_word);

}  // namespace migmerge::core
