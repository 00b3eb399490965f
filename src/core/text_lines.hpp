#pragma once
// The line-oriented files beside the migrations (the rename ledger, the
// accepted changes) are read the same way: a UTF-8 byte order mark before the
// first line and CRLF line endings, which Windows editors write, count as
// absent; blank lines and lines starting with '#' are comments. Inside core.
#include <string>
#include <vector>

namespace migmerge::core::detail {

// The file's lines, without their line endings. Every byte order mark before
// the first line and every '\r' before a line's end count as absent: a field
// ending in '\r' (from "reason\r\r\n") or a name starting with a second mark
// could not be written back, and the fuzzer's round trip found both.
std::vector<std::string> split_lines(const std::string& text);

bool is_comment_or_blank(const std::string& line);

}  // namespace migmerge::core::detail
