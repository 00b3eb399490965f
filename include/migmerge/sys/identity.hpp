#pragma once
// Who and where migmerge runs, as recorded in the audit and checksum tables.
#include <string>

namespace migmerge::sys {

std::string host_name();  // "unknown" when the system will not say
std::string os_user();    // the effective user's name; "unknown" likewise

}  // namespace migmerge::sys
