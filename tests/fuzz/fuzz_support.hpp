#pragma once
// What every libFuzzer harness checks besides "no crash": a property that
// fails aborts with a message (libFuzzer then saves the input), a rejected
// input must be one migmerge::Error with exit code 2 (any other exception is
// a failure), and a password never appears in what migmerge would print.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "migmerge/core/error.hpp"

namespace migmerge::fuzz {

// Aborts, naming the property, when `holds` is false.
void require(bool holds, std::string_view property, std::string_view detail = {});

// Runs `parse`; true when it returned. A migmerge::Error must carry
// `expected` (bad_input unless told); anything else thrown is a failure.
// `on_error` sees the error (to check its text for a password).
bool accepts(const std::function<void()>& parse, ExitCode expected = ExitCode::bad_input,
             const std::function<void(const Error&)>& on_error = {});

// The error's whole text as the cli would print it (line and hint).
std::string printed(const Error& error);

// Fails when `secret` (non-empty) occurs in `text`.
void require_no_secret(const std::string& text, const std::string& secret, std::string_view where);

// The fuzzer's bytes, consumed front to back: a byte, a length-prefixed
// string, the rest. Reading past the end gives zeros and empty strings.
class Bytes {
  public:
    Bytes(const std::uint8_t* data, std::size_t size)
        : data_(reinterpret_cast<const char*>(data)), size_(size) {}
    std::uint8_t byte();
    std::string string(std::size_t max_size);  // its length is the next byte, capped
    std::string rest();
    bool empty() const { return at_ == size_; }

  private:
    const char* data_;
    std::size_t size_;
    std::size_t at_ = 0;
};

}  // namespace migmerge::fuzz

namespace migmerge::fuzz {

// Harnesses put this in every password they build: text holding it is a
// password, and no message may show it. Distinctive, so that no message
// migmerge writes itself can hold it by chance.
inline constexpr const char* secret_marker = "Zq9!";

// `text` with every secret_marker changed, for the parts of an input that are
// not the password: a host named "hZq9!" is not a leak.
std::string without_secret_marker(std::string text);

}  // namespace migmerge::fuzz
