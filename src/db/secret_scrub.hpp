#pragma once
// A password must never reach a message, even when libpq or a config file's
// error text quotes it back.
#include <optional>
#include <string>

namespace migmerge::db::detail {

// Every occurrence of `secret` in `text` replaced by "*****".
std::string scrub_secret(std::string text, const std::optional<std::string>& secret);

// Hides the user-info ("user:password@") of the URL `url` wherever it, or its
// password part, appears in `text`.
std::string scrub_url_userinfo(std::string text, const std::string& url);

}  // namespace migmerge::db::detail
