#pragma once
// A directory under $TMPDIR that is removed, with everything in it, when the
// test that made it ends.
#include <string>

namespace migmerge::test {

class TempDir {
public:
    explicit TempDir(const std::string& prefix = "migmerge-test");
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::string& path() const { return path_; }
    std::string operator/(const std::string& relative) const { return path_ + "/" + relative; }

private:
    std::string path_;
};

void write_file(const std::string& path, const std::string& content);  // makes parent dirs
std::string read_file(const std::string& path);
bool file_exists(const std::string& path);

}  // namespace migmerge::test
