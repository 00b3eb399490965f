#include "style.hpp"

namespace migmerge::cli {

std::string paint(bool color, Tone tone, const std::string& text) {
    if (!color || tone == Tone::plain) return text;
    const char* code = "";
    switch (tone) {
        case Tone::error:
            code = "\033[31;1m";
            break;
        case Tone::warning:
            code = "\033[33m";
            break;
        case Tone::good:
            code = "\033[32m";
            break;
        case Tone::dim:
            code = "\033[2m";
            break;
        case Tone::bold:
            code = "\033[1m";
            break;
        case Tone::plain:
            break;
    }
    return code + text + "\033[0m";
}

Tone tone_of(core::Severity severity) {
    return severity == core::Severity::error ? Tone::error : Tone::warning;
}

}  // namespace migmerge::cli
