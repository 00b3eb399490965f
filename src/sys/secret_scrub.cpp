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

// The usual mask, unless the secret holds a '*': then five of the first
// printable character it lacks. A mask sharing no byte with the secret cannot
// form the secret with what surrounds it ("*a" in "*aa" masked with '*' left
// "*****a", the secret again). Empty when the secret holds every one.
std::string mask_for(const std::string& secret) {
    if (secret.find('*') == std::string::npos) return secret_mask;
    for (char c = '!'; c <= '~'; ++c) {
        if (secret.find(c) == std::string::npos) return std::string(std::strlen(secret_mask), c);
    }
    return "";
}

}  // namespace

std::string scrub_secret(std::string text, const std::optional<std::string>& secret) {
    if (!secret || secret->empty()) return text;
    const std::string mask = mask_for(*secret);
    // Leftmost first, resuming after the mask: the text left between masks
    // holds no occurrence, and a mask with no byte of the secret starts none.
    for (auto at = text.find(*secret); at != std::string::npos; at = text.find(*secret, at)) {
        text.replace(at, secret->size(), mask);
        at += mask.size();
    }
    // Deleting (an empty mask) joins the pieces around it, which may meet
    // again as the secret ("aabb" without "ab" is "ab"): until none is left.
    if (mask.empty() && text.find(*secret) != std::string::npos) return scrub_secret(text, secret);
    return text;
}

std::string scrub_url_userinfo(std::string text, const std::string& url) {
    return scrub_secret(std::move(text), url_password(url));
}

}  // namespace migmerge::sys
