#pragma once
// Whole files in and out, and the first line of a message: the small text
// chores every layer needs, written once.
#include <optional>
#include <string>

namespace migmerge::sys {

// The file's bytes. Error(resource) naming `path` when it cannot be read.
std::string read_file(const std::string& path);

// The file's bytes; nullopt when it does not exist or cannot be read.
std::optional<std::string> read_file_if_present(const std::string& path);

// Appends `text`, first ending an unterminated last line; creates the file.
void append_text(const std::string& path, const std::string& text);

// Appends `line` unless the file already has exactly that line (CRLF or LF).
void ensure_line(const std::string& path, const std::string& line);

// Replaces the file's content (creating it); Error(resource) when it cannot.
void write_file(const std::string& path, const std::string& content);

// Up to the first newline, trailing spaces and '\r' dropped.
std::string first_line(const std::string& text);

}  // namespace migmerge::sys
