#include "handles.hpp"

#include "migmerge/core/error.hpp"

namespace migmerge::git {

std::string last_error_message() {
    const git_error* error = git_error_last();
    return error && error->message ? error->message : "unknown libgit2 error";
}

void check(int rc, const std::string& what) {
    if (rc < 0) throw resource_failure(what, last_error_message());
}

std::string to_hex(const git_oid& id) {
    char hex[GIT_OID_HEXSZ + 1];
    git_oid_tostr(hex, sizeof hex, &id);
    return hex;
}

}  // namespace migmerge::git
