// The node bridge's reply lines (run/bridge_protocol). Properties: a line is
// a Reply or one Error(resource), never another exception, and an error never
// quotes the line (a failing migration's message may hold a password).
#include "bridge_protocol.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace migmerge;
    const std::string line(reinterpret_cast<const char*>(data), size);
    fuzz::accepts([&] { run::protocol::parse_reply(line); }, ExitCode::resource,
                  [&](const Error& error) {
                      if (line.find(fuzz::secret_marker) == std::string::npos) return;
                      fuzz::require_no_secret(fuzz::printed(error), fuzz::secret_marker,
                                              "an unreadable reply is not quoted");
                  });
    return 0;
}
