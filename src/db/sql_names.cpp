#include "sql_names.hpp"

namespace migmerge::db::detail {

std::string quote_identifier(const std::string& name) {
    std::string quoted = "\"";
    for (char c : name) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + "\"";
}

std::string side_table(const ConnectionTarget& target, const std::string& name) {
    return quote_identifier(target.schema) + "." + quote_identifier(name);
}

}  // namespace migmerge::db::detail
