#pragma once
// Terminal colour for text output (through fmt's text styles), only when
// Output::color says a terminal reads it.
#include <string>

#include "migmerge/core/finding.hpp"

namespace migmerge::cli {

enum class Tone { plain, error, warning, good, dim, bold };

// `text` in the tone's style when `color`; otherwise, or for Tone::plain, `text` itself.
std::string paint(bool color, Tone tone, const std::string& text);
Tone tone_of(core::Severity severity);

}  // namespace migmerge::cli
