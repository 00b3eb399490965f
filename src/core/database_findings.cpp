#include "database_findings.hpp"

namespace migmerge::core {

Finding orphaned_finding(const std::string& row) {
    Finding finding = make_finding(FindingCode::orphaned, Severity::warning, {row});
    finding.message = "SequelizeMeta row " + row +
                      " has no migration file: db:migrate ignores it, status shows it as up, "
                      "and db:migrate:undo fails on it";
    finding.advice =
        "restore the file, record its rename in the ledger, or run `migmerge repair "
        "--prune-orphans` to delete the row";
    return finding;
}

Finding double_applied_finding(const std::string& old_name, const std::string& new_name) {
    Finding finding =
        make_finding(FindingCode::double_applied, Severity::error, {old_name, new_name});
    finding.message = "SequelizeMeta has rows for both " + old_name + " and its new name " +
                      new_name +
                      ": the migration has run twice on this database, once under each name";
    finding.advice =
        "check which one really ran (the schema tells) and delete the other row by hand; "
        "repair leaves both";
    return finding;
}

}  // namespace migmerge::core
