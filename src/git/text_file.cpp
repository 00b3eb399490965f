#include "text_file.hpp"

#include <fstream>
#include <sstream>

#include "migmerge/core/error.hpp"

namespace migmerge::git {
namespace {

std::string read_if_present(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    if (in) text << in.rdbuf();
    return text.str();
}

bool has_line(const std::string& text, const std::string& line) {
    std::istringstream lines(text);
    for (std::string current; std::getline(lines, current);) {
        if (!current.empty() && current.back() == '\r') current.pop_back();
        if (current == line) return true;
    }
    return false;
}

}  // namespace

void append_text(const std::string& path, const std::string& text) {
    std::string existing = read_if_present(path);
    bool unterminated = !existing.empty() && existing.back() != '\n';
    std::ofstream out(path, std::ios::binary | std::ios::app);
    if (unterminated) out << '\n';
    out << text;
    out.flush();
    if (!out) throw resource_failure("cannot write " + path);
}

void ensure_line(const std::string& path, const std::string& line) {
    if (!has_line(read_if_present(path), line)) append_text(path, line + "\n");
}

}  // namespace migmerge::git
