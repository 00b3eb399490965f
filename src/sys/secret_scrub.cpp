#include "migmerge/sys/secret_scrub.hpp"

#include <cstring>

namespace migmerge::sys {
namespace {

// "postgres://user:pw@host/db" -> "pw"; nullopt without a password. The
// user-info ends at the last '@' before the path, so a raw '@' or '/' in the
// password still stays inside it.
std::optional<std::string> url_password(const std::string& url) {
    auto scheme_end = url.find("://");
    if (scheme_end == std::string::npos) return std::nullopt;
    auto authority = scheme_end + 3;
    auto at = url.rfind('@');
    if (at == std::string::npos || at < authority) return std::nullopt;
    auto colon = url.find(':', authority);
    if (colon == std::string::npos || colon > at) return std::nullopt;
    return url.substr(colon + 1, at - colon - 1);
}

}  // namespace

std::string scrub_secret(std::string text, const std::optional<std::string>& secret) {
    if (!secret || secret->empty()) return text;
    const std::size_t mask_size = std::strlen(secret_mask);
    // The search resumes after the mask, so a secret made of '*' cannot loop.
    for (auto at = text.find(*secret); at != std::string::npos; at = text.find(*secret, at)) {
        text.replace(at, secret->size(), secret_mask);
        at += mask_size;
    }
    return text;
}

std::string scrub_url_userinfo(std::string text, const std::string& url) {
    return scrub_secret(std::move(text), url_password(url));
}

}  // namespace migmerge::sys
