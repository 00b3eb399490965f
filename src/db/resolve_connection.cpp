// resolve_connection: docs/DESIGN.md's order, first that is given: --url,
// DATABASE_URL, the Sequelize config, libpq's PG* variables. Everything is
// read from options.environment so that callers (and tests) decide what the
// process environment is.
#include "conninfo.hpp"
#include "migmerge/db/connection.hpp"
#include "sequelize_config.hpp"

namespace migmerge::db {
namespace {

ConnectionTarget target_from_url(const std::string& url, const std::string& source) {
    detail::ParsedConninfo parsed = detail::parse_conninfo(url, source);
    ConnectionTarget target;
    target.params = std::move(parsed.params);
    target.password = std::move(parsed.password);
    target.source = source;
    return target;
}

// libpq would read these itself, but from the real environment; naming them
// here keeps options.environment the only source.
ConnectionTarget target_from_pg_variables(const Environment& environment) {
    static const std::pair<const char*, const char*> environment_keywords[] = {
        {"PGHOST", "host"},
        {"PGHOSTADDR", "hostaddr"},
        {"PGPORT", "port"},
        {"PGDATABASE", "dbname"},
        {"PGUSER", "user"},
        {"PGSSLMODE", "sslmode"},
        {"PGSSLROOTCERT", "sslrootcert"},
        {"PGSSLCERT", "sslcert"},
        {"PGSSLKEY", "sslkey"},
        {"PGCONNECT_TIMEOUT", "connect_timeout"},
        {"PGOPTIONS", "options"},
        {"PGSERVICE", "service"},
        {"PGPASSFILE", "passfile"},
        {"PGTARGETSESSIONATTRS", "target_session_attrs"},
    };
    ConnectionTarget target;
    target.source = "PG* variables";
    for (const auto& [variable, keyword] : environment_keywords) {
        auto value = environment.find(variable);
        if (value != environment.end() && !value->second.empty()) {
            target.params[keyword] = value->second;
        }
    }
    auto password = environment.find("PGPASSWORD");
    if (password != environment.end()) target.password = password->second;
    return target;
}

// The config is read (and a JS one evaluated) at most once per command.
class ConfigOnce {
  public:
    explicit ConfigOnce(const ConnectionOptions& options) : options_(options) {}
    const std::optional<detail::SequelizeConfig>& get() {
        if (!read_) config_ = detail::read_sequelize_config(options_), read_ = true;
        return config_;
    }
    std::optional<ConnectionTarget> target() {
        const auto& config = get();
        if (!config) return std::nullopt;
        return detail::target_from_config(*config,
                                          detail::environment_name(options_, config->environment));
    }

  private:
    const ConnectionOptions& options_;
    bool read_ = false;
    std::optional<detail::SequelizeConfig> config_;
};

ConnectionTarget first_given(const ConnectionOptions& options, ConfigOnce& config) {
    if (options.url) return target_from_url(*options.url, "--url");
    auto database_url = options.environment.find("DATABASE_URL");
    if (database_url != options.environment.end() && !database_url->second.empty()) {
        return target_from_url(database_url->second, "DATABASE_URL");
    }
    if (auto target = config.target()) return *target;
    return target_from_pg_variables(options.environment);
}

// Where SequelizeMeta lives, and the options Sequelize is built with, are the
// project's choice whatever URL reaches the server: with --url or
// DATABASE_URL the config still names the table, schema and timestamps.
// Looking in the default table instead would make every migration seem
// pending and run them all again.
void take_storage_from_config(ConfigOnce& config, ConnectionTarget& target) {
    if (target.source != "--url" && target.source != "DATABASE_URL") return;
    if (auto configured = config.target()) {
        target.table = configured->table;
        target.schema = configured->schema;
        target.timestamps = configured->timestamps;
        target.config_json = configured->config_json;
        target.config_env = configured->config_env;
    }
}

}  // namespace

ConnectionTarget resolve_connection(const ConnectionOptions& given) {
    ConnectionOptions options = given;
    // .sequelizerc runs first, as in sequelize-cli: what it loads (dotenv) is
    // what the config sees. DATABASE_URL and PG* count only from the caller's
    // own environment: a DATABASE_URL that dotenv loads reaches the
    // connection only through the config (use_env_variable), as with sequelize-cli.
    if (!options.rc && options.evaluate_js)
        options.rc = read_sequelizerc(options.project_dir, options.evaluate_js);
    ConfigOnce config(options);
    ConnectionTarget target = first_given(options, config);
    take_storage_from_config(config, target);
    if (options.table) target.table = *options.table;
    if (options.schema) target.schema = *options.schema;
    detail::check_port(target.params, target.source);
    return target;
}

}  // namespace migmerge::db
