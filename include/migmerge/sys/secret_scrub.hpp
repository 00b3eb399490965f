#pragma once
// The one scrubber: a password must never reach a message, even when libpq,
// a config file or a failing migration quotes it back. Every message that
// leaves migmerge with text it did not write itself passes through here.
#include <optional>
#include <string>

namespace migmerge::sys {

inline constexpr const char* secret_mask = "*****";

// Every occurrence of `secret` in `text` replaced by secret_mask; when the
// secret holds a '*', by five of a printable character it lacks, so that no
// occurrence is left (deleted when it holds all 94 of them).
std::string scrub_secret(std::string text, const std::optional<std::string>& secret);

// The password of the URL `url` ("postgres://user:pw@host/db"), wherever it
// appears in `text`, replaced by secret_mask.
std::string scrub_url_userinfo(std::string text, const std::string& url);

}  // namespace migmerge::sys
