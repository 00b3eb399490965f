// Folder rule about dates against byte order: sequelize-cli runs names in
// byte order, whatever they mean. Within one scheme byte order is time order;
// across schemes it need not be (a Sequelize 7 name, 2026-04-05t10-...,
// sorts before 20260401...; epoch milliseconds sort before every 14-digit
// name), and then a newer migration runs before an older one.
#include "analysis_rules.hpp"

namespace migmerge::core::rules {
namespace {

Finding order_contradicts_date_finding(const MigrationName& later, const MigrationName& earlier) {
    return make_finding(
        FindingCode::order_contradicts_date, Severity::warning, {later.file, earlier.file},
        {later.file + " runs before " + earlier.file +
             ", though it is dated after it: sequelize-cli runs names in byte order, "
             "and its " +
             to_string(later.dated->scheme) + " name sorts before that " +
             to_string(earlier.dated->scheme) + " one",
         "before it is deployed, rename it after the latest migration in the "
         "folder's scheme (`migmerge fix` does in a merge)"});
}

}  // namespace

// For each migration, the one after it (byte order) that ends earliest: when
// even that one is not dated before it, none is. One pass from the end.
std::vector<Finding> order_contradicts_dates(const std::vector<MigrationName>& names) {
    std::vector<Finding> findings;
    const MigrationName* earliest_after = nullptr;
    for (auto it = names.rbegin(); it != names.rend(); ++it) {
        if (it->kind != NameKind::migration) continue;
        if (earliest_after && it->dated->dated_after(*earliest_after->dated)) {
            findings.push_back(order_contradicts_date_finding(*it, *earliest_after));
        }
        if (!earliest_after || it->dated->end_ms < earliest_after->dated->end_ms) {
            earliest_after = &*it;
        }
    }
    return findings;
}

}  // namespace migmerge::core::rules
