// JSON configs (sys::parse_json, which migmerge.json, config/config.json,
// .sequelizerc's and node's replies all go through) and the Sequelize config
// section reader (db/sequelize_config, db/config_section). A password is
// built into each input:
// - as raw text anywhere in the file: a JSON error never shows it (nlohmann's
//   "last read: '"s3cret-PW..." did);
// - as the section's password, or inside its url (percent-encoded, raw, or
//   with the '@' missing so that it reads as the port): the target or the one
//   Error(bad_input) is never shown with it.
#include "config_section.hpp"
#include "conninfo.hpp"
#include "fuzz_support.hpp"
#include "migmerge/sys/json_text.hpp"
#include "sequelize_config.hpp"

namespace migmerge::fuzz {
namespace {

using nlohmann::json;

std::string percent_encoded(const std::string& text) {
    static const char* const hex = "0123456789ABCDEF";
    std::string encoded;
    for (unsigned char c : text) encoded += {'%', hex[c >> 4], hex[c & 15]};
    return encoded;
}

std::string url_with(const std::string& password, std::uint8_t how, const std::string& host) {
    switch (how % 3) {
        case 0:
            return "postgres://u:" + percent_encoded(password) + "@" + host + "/db";
        case 1:
            return "postgres://u:" + password + "@" + host + "/db";
        default:
            return "postgres://u:" + password + "/" + host;  // no '@': the password is the port
    }
}

void check_raw_text(Bytes& input, const std::string& password) {
    const std::string text = input.string(200) + password + input.rest();
    accepts([&] { sys::parse_json(text, ExitCode::bad_input, "malformed config"); },
            ExitCode::bad_input,
            [&](const Error& error) {
                require_no_secret(printed(error), password, "a JSON error shows no password");
            });
}

void check_section(Bytes& input, const std::string& password) {
    const std::uint8_t how = input.byte();
    const std::string host = without_secret_marker(input.string(16));
    json config;
    if (!accepts([&] {
            config =
                sys::parse_json(without_secret_marker(input.rest()), ExitCode::bad_input, "config");
        }))
        return;
    json& section =
        config.is_object() && config.contains("development") ? config["development"] : config;
    if (!section.is_object()) return;
    section["password"] = password;
    if (how & 4) section["url"] = url_with(password, how, host);
    const db::detail::SequelizeConfig read{"config/config.json", config, {}};
    db::ConnectionTarget target;
    bool ok = accepts(
        [&] {
            target = db::detail::target_from_config(read, {"development", "the default"});
            db::detail::check_port(target.params, target.source);
        },
        ExitCode::bad_input,
        [&](const Error& error) {
            require_no_secret(printed(error), password, "a config error shows no password");
        });
    if (!ok) return;
    require_no_secret(target.display() + target.source, password, "a target shows no password");
    require(target.params.count("password") == 0, "the password is kept apart");
}

}  // namespace
}  // namespace migmerge::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    migmerge::fuzz::Bytes input(data, size);
    const std::uint8_t mode = input.byte();
    const std::string password = migmerge::fuzz::secret_marker + input.string(24);
    if (mode & 1)
        migmerge::fuzz::check_section(input, password);
    else
        migmerge::fuzz::check_raw_text(input, password);
    return 0;
}
