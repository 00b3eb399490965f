#include "migmerge/sys/text_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "migmerge/core/error.hpp"
#include "migmerge/sys/unique_fd.hpp"

namespace migmerge::sys {
namespace {

// One fstat and reads into a buffer of that size: migrate hashes thousands
// of files, and streams cost several copies each. Past the stated size (a
// file that grew, or /proc's files, which state none) reads go through a
// small buffer, so the usual file is never grown just to see its end.
bool read_all(const std::string& path, std::string& content, int& error) {
    UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    struct stat info {};
    if (!fd.valid() || fstat(fd.get(), &info) != 0) return error = errno, false;
    content.resize(static_cast<std::size_t>(info.st_size));
    std::size_t filled = 0;
    char more[4096];
    for (;;) {
        const bool into_content = filled < content.size();
        char* target = into_content ? content.data() + filled : more;
        std::size_t room = into_content ? content.size() - filled : sizeof more;
        ssize_t n = ::read(fd.get(), target, room);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return error = errno, false;
        if (n == 0) break;
        if (!into_content) content.append(more, static_cast<std::size_t>(n));
        filled += static_cast<std::size_t>(n);
    }
    content.resize(filled);
    return true;
}

void write_all(const std::string& path, const std::string& content, int flags) {
    UniqueFd fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC | flags, 0666));
    std::size_t written = 0;
    while (fd.valid() && written < content.size()) {
        ssize_t n = ::write(fd.get(), content.data() + written, content.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        written += static_cast<std::size_t>(n);
    }
    if (!fd.valid() || written < content.size())
        throw resource_failure("cannot write " + path, std::strerror(errno));
}

}  // namespace

std::string read_file(const std::string& path) {
    std::string content;
    int error = 0;
    if (!read_all(path, content, error))
        throw resource_failure("cannot read " + path, std::strerror(error));
    return content;
}

std::optional<std::string> read_file_if_present(const std::string& path) {
    std::string content;
    int error = 0;
    if (!read_all(path, content, error)) return std::nullopt;
    return content;
}

void append_text(const std::string& path, const std::string& text) {
    std::optional<std::string> existing = read_file_if_present(path);
    bool unterminated = existing && !existing->empty() && existing->back() != '\n';
    write_all(path, (unterminated ? "\n" : "") + text, O_APPEND);
}

void ensure_line(const std::string& path, const std::string& line) {
    std::string text = read_file_if_present(path).value_or("");
    for (std::size_t start = 0; start < text.size();) {
        std::size_t end = std::min(text.find('\n', start), text.size());
        std::size_t stop = end > start && text[end - 1] == '\r' ? end - 1 : end;
        if (text.compare(start, stop - start, line) == 0 && stop - start == line.size()) return;
        start = end + 1;
    }
    append_text(path, line + "\n");
}

void write_file(const std::string& path, const std::string& content) {
    write_all(path, content, O_TRUNC);
}

std::string first_line(const std::string& text) {
    std::string line = text.substr(0, text.find('\n'));
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
    return line;
}

}  // namespace migmerge::sys
