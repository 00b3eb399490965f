#pragma once
// Small edits to the text files `fix` maintains beside the migrations.
#include <string>

namespace migmerge::git {

// Appends `text`, first ending an unterminated last line; creates the file.
void append_text(const std::string& path, const std::string& text);

// Appends `line` unless the file already has exactly that line.
void ensure_line(const std::string& path, const std::string& line);

}  // namespace migmerge::git
