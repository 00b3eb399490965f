// Migration folder names as users write them (git/folder_path). Properties:
// a folder is normalized or refused with one Error(bad_input); a normalized
// folder is a plain relative git path (no empty, "." or ".." component, no
// leading or trailing '/') that normalizes to itself; names join under it.
#include "folder_path.hpp"
#include "fuzz_support.hpp"

namespace migmerge::fuzz {
namespace {

void check_components(const std::string& folder) {
    std::size_t begin = 0;
    while (begin <= folder.size()) {
        std::size_t end = std::min(folder.find('/', begin), folder.size());
        const std::string part = folder.substr(begin, end - begin);
        require(!part.empty() && part != "." && part != "..",
                "a normalized folder is a plain relative path", folder);
        begin = end + 1;
    }
}

}  // namespace
}  // namespace migmerge::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace migmerge;
    const std::string given(reinterpret_cast<const char*>(data), size);
    std::string folder;
    if (!fuzz::accepts([&] { folder = git::normalize_folder(given); })) return 0;
    if (folder.empty()) {
        fuzz::require(git::path_in_folder(folder, "a.js") == "a.js", "the root adds nothing");
        return 0;
    }
    fuzz::check_components(folder);
    std::string again;
    fuzz::require(fuzz::accepts([&] { again = git::normalize_folder(folder); }) && again == folder,
                  "normalizing is idempotent", folder);
    fuzz::require(git::path_in_folder(folder, "a.js") == folder + "/a.js", "names join under it");
    return 0;
}
