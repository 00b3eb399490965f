#include "style.hpp"

#include <fmt/color.h>
#include <fmt/format.h>

namespace migmerge::cli {
namespace {

// The 8 basic terminal colours (not 24-bit RGB): what every terminal and CI log shows.
fmt::text_style style_of(Tone tone) {
    switch (tone) {
        case Tone::error:
            return fmt::fg(fmt::terminal_color::red) | fmt::emphasis::bold;
        case Tone::warning:
            return fmt::fg(fmt::terminal_color::yellow);
        case Tone::good:
            return fmt::fg(fmt::terminal_color::green);
        case Tone::dim:
            return fmt::emphasis::faint;
        case Tone::bold:
            return fmt::emphasis::bold;
        case Tone::plain:
            break;
    }
    return {};
}

}  // namespace

std::string paint(bool color, Tone tone, const std::string& text) {
    if (!color || tone == Tone::plain) return text;
    return fmt::format("{}", fmt::styled(text, style_of(tone)));
}

Tone tone_of(core::Severity severity) {
    return severity == core::Severity::error ? Tone::error : Tone::warning;
}

}  // namespace migmerge::cli
