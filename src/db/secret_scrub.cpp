#include "secret_scrub.hpp"

namespace migmerge::db::detail {
namespace {

// "postgres://user:pw@host/db" -> "pw"; nullopt without a password.
std::optional<std::string> url_password(const std::string& url) {
    auto scheme_end = url.find("://");
    if (scheme_end == std::string::npos) return std::nullopt;
    auto authority = scheme_end + 3;
    auto at = url.rfind('@', url.find('/', authority));
    if (at == std::string::npos || at < authority) return std::nullopt;
    auto colon = url.find(':', authority);
    if (colon == std::string::npos || colon > at) return std::nullopt;
    return url.substr(colon + 1, at - colon - 1);
}

}  // namespace

std::string scrub_secret(std::string text, const std::optional<std::string>& secret) {
    if (!secret || secret->empty()) return text;
    for (auto at = text.find(*secret); at != std::string::npos; at = text.find(*secret, at)) {
        text.replace(at, secret->size(), "*****");
        at += 5;
    }
    return text;
}

std::string scrub_url_userinfo(std::string text, const std::string& url) {
    return scrub_secret(std::move(text), url_password(url));
}

}  // namespace migmerge::db::detail
