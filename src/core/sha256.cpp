// SHA-256 through OpenSSL's libcrypto (EVP_Digest): a vetted, hardware-
// accelerated implementation. OpenSSL stays inside this file.
#include "migmerge/core/sha256.hpp"

#include <openssl/err.h>
#include <openssl/evp.h>

#include "migmerge/core/error.hpp"

namespace migmerge::core {
namespace {

// The reason of OpenSSL's latest error on this thread, or a generic one.
std::string openssl_reason() {
    unsigned long code = ERR_get_error();
    if (code == 0) return "unknown libcrypto error";
    char text[256];
    ERR_error_string_n(code, text, sizeof text);
    ERR_clear_error();
    return text;
}

}  // namespace

std::string sha256_hex(std::string_view bytes) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), digest, &size, EVP_sha256(), nullptr) != 1) {
        throw resource_failure("cannot compute a SHA-256 checksum", openssl_reason());
    }
    static constexpr char hex_digits[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(2 * size);
    for (unsigned int i = 0; i < size; ++i) {
        hex += hex_digits[digest[i] >> 4];
        hex += hex_digits[digest[i] & 0x0f];
    }
    return hex;
}

}  // namespace migmerge::core
