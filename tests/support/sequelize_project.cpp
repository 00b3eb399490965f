#include "support/sequelize_project.hpp"

#include <filesystem>

#include "support/process.hpp"

namespace fs = std::filesystem;

namespace migmerge::test {
namespace {

std::string config_json(const TestDatabase& database) {
    const PgServer& server = database.server();
    return R"({"development": {"dialect": "postgres", "host": ")" + server.host + R"(", "port": )" +
           server.port + R"(, "username": ")" + server.user + R"(", "password": ")" +
           server.password + R"(", "database": ")" + database.name() + "\"}}\n";
}

// CREATE TABLE IF NOT EXISTS keeps the effect counter independent of order.
const char* record_effect = R"(
    await queryInterface.sequelize.query('CREATE TABLE IF NOT EXISTS effects (id serial, name text)');
    await queryInterface.sequelize.query('INSERT INTO effects (name) VALUES ($1)', { bind: [NAME] });
)";

std::string with_name(std::string text, const std::string& name) {
    const std::string quoted = "'" + name + "'";
    for (auto at = text.find("NAME"); at != std::string::npos; at = text.find("NAME", at)) {
        text.replace(at, 4, quoted);
    }
    return text;
}

}  // namespace

const std::string& repository_node_modules() {
    static const std::string path = std::string(MIGMERGE_SOURCE_DIR) + "/node_modules";
    return path;
}

std::string node_tools_missing() {
    if (run_process({"node", "--version"}).exit_code != 0) return "node is not installed";
    if (!fs::exists(repository_node_modules() + "/sequelize-cli")) {
        return "no node_modules in " MIGMERGE_SOURCE_DIR " (run npm ci there)";
    }
    return "";
}

SequelizeProject::SequelizeProject(const TestDatabase& database, NodeModules modules)
    : database_(database) {
    fs::create_directories(migrations_dir());
    write_file(dir_ / "config/config.json", config_json(database));
    if (modules == NodeModules::linked) {
        fs::create_directory_symlink(repository_node_modules(), dir_ / "node_modules");
    }
}

std::string SequelizeProject::path_of(const std::string& migration) const {
    return migrations_dir() + "/" + migration;
}

void SequelizeProject::add_migration(const std::string& name, const std::string& source) const {
    write_file(path_of(name), source);
}

void SequelizeProject::copy_devopser_migrations() const {
    for (const auto& entry :
         fs::directory_iterator(std::string(MIGMERGE_SOURCE_DIR) + "/migrations")) {
        fs::copy_file(entry.path(), migrations_dir() + "/" + entry.path().filename().string());
    }
}

ProcessResult SequelizeProject::sequelize_cli(const std::vector<std::string>& args) const {
    return sequelize_cli_in(dir(), args);
}

ProcessResult sequelize_cli_in(const std::string& project_dir, const std::vector<std::string>& args,
                               const std::map<std::string, std::string>& env) {
    std::vector<std::string> argv{"node",
                                  project_dir + "/node_modules/sequelize-cli/lib/sequelize"};
    argv.insert(argv.end(), args.begin(), args.end());
    ProcessOptions options;
    options.cwd = project_dir;
    options.unset_env = {"DATABASE_URL", "NODE_ENV",   "PGHOST",    "PGPORT",
                         "PGUSER",       "PGPASSWORD", "PGDATABASE"};
    options.set_env = env;
    return run_process(argv, options);
}

std::string up_down_migration(const std::string& up, const std::string& down) {
    return "module.exports = {\n  async up(queryInterface, Sequelize) {\n" + up +
           "\n  },\n  async down(queryInterface, Sequelize) {\n" + down + "\n  },\n};\n";
}

std::string counting_migration(const std::string& name, const std::string& extra_up) {
    return "'use strict';\nmodule.exports = {\n  async up(queryInterface) {" +
           with_name(record_effect, name) + extra_up +
           "  },\n  async down(queryInterface) {\n"
           "    await queryInterface.sequelize.query('DELETE FROM effects WHERE name = $1', "
           "{ bind: ['" +
           name + "'] });\n  },\n};\n";
}

std::string throwing_migration(const std::string& message) {
    return "module.exports = { async up() { throw new Error('" + message +
           "'); }, async down() { throw new Error('" + message + "'); } };\n";
}

std::string migration_without_up() {
    return "module.exports = { async down() {} };\n";
}

std::string migration_returning_no_promise() {
    return "module.exports = { up() { return 42; }, down() { return 42; } };\n";
}

std::string sleeping_migration(const std::string& name, int seconds) {
    return counting_migration(name, "    await queryInterface.sequelize.query('SELECT pg_sleep(" +
                                        std::to_string(seconds) + ")');\n");
}

std::vector<std::string> effects(const TestDatabase& database) {
    if (database.query_value("SELECT to_regclass('effects') IS NOT NULL") != "t") return {};
    return database.query_column("SELECT name FROM effects ORDER BY id");
}

std::vector<std::string> meta_rows(const TestDatabase& database) {
    if (database.query_value("SELECT to_regclass('\"SequelizeMeta\"') IS NOT NULL") != "t") {
        return {};
    }
    return database.query_column(R"(SELECT name FROM "SequelizeMeta" ORDER BY name COLLATE "C")");
}

}  // namespace migmerge::test
