// `.migmerge-accepted` (core/accepted). Properties: a file either parses or
// is one Error(bad_input); each parsed entry formats to a line that parses
// back to it, and the whole formatted file to the same entries; an entry
// accepts its own code and file.
#include "fuzz_support.hpp"
#include "migmerge/core/accepted.hpp"

namespace {

bool same(const migmerge::core::AcceptedChange& a, const migmerge::core::AcceptedChange& b) {
    return a.code == b.code && a.file == b.file && a.reason == b.reason && a.version == b.version;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace migmerge;
    const std::string text(reinterpret_cast<const char*>(data), size);
    core::AcceptedChanges accepted;
    if (!fuzz::accepts([&] { accepted = core::AcceptedChanges::parse(text, "fuzz"); })) return 0;
    std::string formatted;
    for (const core::AcceptedChange& change : accepted.entries()) {
        std::string line;
        fuzz::require(fuzz::accepts([&] { line = core::AcceptedChanges::format(change); }),
                      "a parsed entry can be formatted", change.file);
        formatted += line;
        fuzz::require(accepted.accepts(change.code, change.file, {change.version}),
                      "an entry accepts its own code, file and version", change.file);
    }
    core::AcceptedChanges again;
    fuzz::require(fuzz::accepts([&] { again = core::AcceptedChanges::parse(formatted, "fuzz"); }),
                  "a formatted file parses", formatted);
    const auto& before = accepted.entries();
    const auto& after = again.entries();
    fuzz::require(before.size() == after.size() &&
                      std::equal(before.begin(), before.end(), after.begin(), same),
                  "accepted changes round-trip through format and parse", formatted);
    return 0;
}
