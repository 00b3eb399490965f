#include "pg_errors.hpp"

#include <exception>
#include <pqxx/pqxx>

#include "migmerge/sys/secret_scrub.hpp"

namespace migmerge::db::detail {
// libpq messages start with "ERROR:  " and end with a newline; the cli's one
// line wants neither.
std::string clean_message(std::string message, const ConnectionTarget& target) {
    for (const char* prefix : {"ERROR:  ", "FATAL:  "}) {
        if (message.rfind(prefix, 0) == 0) message.erase(0, std::string(prefix).size());
    }
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) {
        message.pop_back();
    }
    return sys::scrub_secret(message.substr(0, message.find('\n')), target.password);
}

Error translate_current_exception(const ConnectionTarget& target, const std::string& what) {
    try {
        throw;
    } catch (const pqxx::broken_connection& error) {
        return resource_failure("lost the connection to " + target.display(),
                                clean_message(error.what(), target));
    } catch (const pqxx::insufficient_privilege& error) {
        return resource_failure(what, clean_message(error.what(), target),
                                "the database user lacks a privilege (a read-only user?); "
                                "README, \"Restricted roles\", lists what each command needs");
    } catch (const std::exception& error) {
        return resource_failure(what, clean_message(error.what(), target));
    } catch (...) {
        return resource_failure(what, "unknown error");
    }
}

}  // namespace migmerge::db::detail
