#include "text_lines.hpp"

namespace migmerge::core::detail {
namespace {

constexpr const char* utf8_bom = "\xEF\xBB\xBF";

}  // namespace

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (text.compare(start, 3, utf8_bom) == 0) start += 3;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(start, end - start);
        while (!line.empty() && line.back() == '\r') line.pop_back();
        lines.push_back(std::move(line));
        start = end + 1;
    }
    return lines;
}

bool is_comment_or_blank(const std::string& line) {
    if (!line.empty() && line[0] == '#') return true;
    return line.find_first_not_of(" \t") == std::string::npos;
}

}  // namespace migmerge::core::detail
