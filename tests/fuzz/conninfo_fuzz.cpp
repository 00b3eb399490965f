// Connection URLs and key=value strings (db/conninfo): libpq's parser behind
// migmerge's own checks. A password is built into each input, in the
// password's place of a URL (raw, so that a stray '@', '/' or a missing '@'
// moves it elsewhere) or of a key=value string, followed by any bytes.
// Properties: a refused input is one Error(bad_input) that never shows the
// password, libpq's "invalid integer value" for a password read as the port
// included; an accepted one keeps the password out of params and out of
// what messages show (host:port/db).
#include "conninfo.hpp"
#include "fuzz_support.hpp"
#include "migmerge/db/connection.hpp"

namespace migmerge::fuzz {
namespace {

// A user name as people write one: '/', '@', ':', '?' or '[' in it would
// end the user info before the password ("postgres:///x:pw" is a database
// named "x:pw"); the bytes after the password may hold anything.
std::string user_name(Bytes& input) {
    std::string user = without_secret_marker(input.string(8));
    for (char& c : user) {
        if (std::string_view("/@:?[").find(c) != std::string_view::npos) c = 'u';
    }
    return user;
}

std::string text_with(std::uint8_t how, const std::string& password, Bytes& input) {
    const std::string user = user_name(input);
    switch (how % 4) {
        case 0:
            return "postgres://" + user + ":" + password + without_secret_marker(input.rest());
        case 1:
            return "postgresql://" + user + ":" + password + "@" +
                   without_secret_marker(input.rest());
        case 2:
            return "host=h password=" + db::detail::quote_conninfo_value(password) + " " +
                   without_secret_marker(input.rest());
        default:  // anything at all but the marker, which only the password holds
            return without_secret_marker(input.rest());
    }
}

}  // namespace
}  // namespace migmerge::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace migmerge;
    fuzz::Bytes input(data, size);
    const std::uint8_t how = input.byte();
    const std::string password = fuzz::secret_marker + input.string(24);
    const std::string text = fuzz::text_with(how, password, input);
    db::detail::ParsedConninfo parsed;
    const bool ok = fuzz::accepts([&] { parsed = db::detail::parse_conninfo(text, "--url"); },
                                  ExitCode::bad_input,
                                  [&](const Error& error) {
                                      fuzz::require_no_secret(fuzz::printed(error), password,
                                                              "a refused URL shows no password");
                                  });
    if (!ok) return 0;
    fuzz::require(parsed.params.count("password") == 0, "the password is kept apart");
    db::ConnectionTarget target;
    target.params = parsed.params;
    target.password = parsed.password;
    fuzz::require_no_secret(target.display(), password, "host:port/db shows no password");
    return 0;
}
