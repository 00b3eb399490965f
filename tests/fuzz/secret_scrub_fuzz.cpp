// The one secret scrubber (sys/secret_scrub). For any secret (any bytes:
// '*', '%', '@', multi-byte UTF-8) and any text holding it anywhere, the
// result holds it nowhere, and text without it comes back unchanged. That it
// always ends is libFuzzer's -timeout.
#include "fuzz_support.hpp"
#include "migmerge/sys/secret_scrub.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace migmerge;
    fuzz::Bytes input(data, size);
    const std::string secret = input.string(64);
    std::string text;
    while (!input.empty()) {
        text += input.string(32);
        if (input.byte() & 1) text += secret;
    }
    const std::string scrubbed = sys::scrub_secret(text, secret);
    fuzz::require_no_secret(scrubbed, secret, "the scrubber leaves no occurrence");
    if (text.find(secret) == std::string::npos)
        fuzz::require(scrubbed == text, "text without the secret is unchanged", text);
    fuzz::require(sys::scrub_secret(text, std::nullopt) == text, "no secret changes nothing");
    return 0;
}
