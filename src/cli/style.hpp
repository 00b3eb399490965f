#pragma once
// ANSI colour for text output, only when Output::color says a terminal reads it.
#include <string>

#include "migmerge/core/finding.hpp"

namespace migmerge::cli {

enum class Tone { plain, error, warning, good, dim, bold };

std::string paint(bool color, Tone tone, const std::string& text);
Tone tone_of(core::Severity severity);

}  // namespace migmerge::cli
