#include "fuzz_support.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <exception>

namespace migmerge::fuzz {

void require(bool holds, std::string_view property, std::string_view detail) {
    if (holds) return;
    std::fprintf(stderr, "property failed: %.*s\n%.*s\n", static_cast<int>(property.size()),
                 property.data(), static_cast<int>(detail.size()), detail.data());
    std::abort();
}

bool accepts(const std::function<void()>& parse, ExitCode expected,
             const std::function<void(const Error&)>& on_error) {
    try {
        parse();
        return true;
    } catch (const Error& error) {
        require(error.code() == expected, "a rejected input is one Error of the expected code",
                error.one_line());
        if (on_error) on_error(error);
    } catch (const std::exception& error) {
        require(false, "a rejected input is a migmerge::Error, not another exception",
                error.what());
    } catch (...) {
        require(false, "a rejected input is a migmerge::Error, not another exception");
    }
    return false;
}

std::string printed(const Error& error) {
    return error.one_line() + "\n" + error.hint();
}

void require_no_secret(const std::string& text, const std::string& secret, std::string_view where) {
    if (secret.empty()) return;
    require(text.find(secret) == std::string::npos, where, text);
}

std::string without_secret_marker(std::string text) {
    const std::string marker = secret_marker;
    for (auto at = text.find(marker); at != std::string::npos; at = text.find(marker, at)) {
        text[at] = 'z';
    }
    return text;
}

std::uint8_t Bytes::byte() {
    return at_ < size_ ? static_cast<std::uint8_t>(data_[at_++]) : 0;
}

std::string Bytes::string(std::size_t max_size) {
    std::size_t size = std::min<std::size_t>({byte(), max_size, size_ - at_});
    std::string text(data_ + at_, size);
    at_ += size;
    return text;
}

std::string Bytes::rest() {
    std::string text(data_ + at_, size_ - at_);
    at_ = size_;
    return text;
}

}  // namespace migmerge::fuzz
