#include "support/real_project.hpp"

#include <unistd.h>

#include <cctype>
#include <filesystem>
#include <pqxx/pqxx>
#include <random>
#include <stdexcept>

#include "support/process.hpp"
#include "support/sequelize_project.hpp"

namespace fs = std::filesystem;

namespace migmerge::test {
namespace {

// Every character a URL's userinfo must escape, and a space.
constexpr const char* role_password = "Pa$$ w0rd:@/#?%&=+";

std::string admin_conninfo(const PgServer& server) {
    return "host=" + server.host + " port=" + server.port + " user=" + server.user +
           " password=" + server.password + " dbname=postgres";
}

void admin_exec(const PgServer& server, const std::string& sql) {
    pqxx::connection admin(admin_conninfo(server));
    pqxx::nontransaction tx(admin);
    tx.exec(sql);
}

std::string percent_encoded(const std::string& text) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

// A single-quoted JavaScript string literal.
std::string js_string(const std::string& text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\\' || c == '\'') out += '\\';
        out += c;
    }
    return out + "'";
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
    return text;
}

// path.resolve('server', 'migrations') for "server/migrations".
std::string resolve_call(const fs::path& relative) {
    std::string args;
    for (const auto& part : relative) args += (args.empty() ? "" : ", ") + js_string(part.string());
    return "path.resolve(" + args + ")";
}

std::string sequelizerc(const RealProjectOptions& options) {
    fs::path migrations(options.migrations_path);
    fs::path parent = migrations.parent_path();
    return std::string(
               "// Loads .env first: config/database.js reads DATABASE_URL from it.\n"
               "require('dotenv').config();\n") +
           (options.typescript ? "require('ts-node/register');\n" : "") +
           "const path = require('path');\n\n"
           "module.exports = {\n"
           "  config: path.resolve('config', 'database.js'),\n"
           "  'migrations-path': " +
           resolve_call(migrations) + ",\n  'seeders-path': " + resolve_call(parent / "seeders") +
           ",\n  'models-path': " + resolve_call(parent / "models") + ",\n};\n";
}

std::string fields(const PgServer& server, const TestRole& role, const std::string& dbname) {
    return "    host: " + js_string(server.host) + ",\n    port: " + server.port +
           ",\n    username: " + js_string(role.name()) +
           ",\n    password: " + js_string(role.password()) +
           ",\n    database: " + js_string(dbname) + ",\n";
}

std::string database_js(const RealProjectOptions& options, const TestRole& role,
                        const TestDatabase& database) {
    const PgServer& server = database.server();
    auto dbname = [&](const std::string& section) {
        return section == options.section ? database.name() : database.name() + "_" + section;
    };
    std::string development = options.credentials == Credentials::dotenv
                                  ? "    use_env_variable: 'DATABASE_URL',\n"
                                  : fields(server, role, dbname("development"));
    return std::string(options.config_logs
                           ? "console.log(`[config] database settings for ${process.env.NODE_ENV "
                             "|| 'development'}`);\n\n"
                           : "") +
           "const common = {\n"
           "  dialect: 'postgres',\n"
           "  define: { underscored: true },\n"
           "  timezone: '+02:00',\n"
           "  logging: false,\n"
           "  pool: { max: 5, min: 0, acquire: 30000, idle: 10000 },\n"
           "};\n\n"
           "module.exports = {\n"
           "  development: {\n    ...common,\n" +
           development + "  },\n  test: {\n    ...common,\n" +
           fields(server, role, dbname("test")) +
           "  },\n  production: {\n    ...common,\n"
           "    use_env_variable: 'PRODUCTION_DATABASE_URL',\n"
           "    dialectOptions: { ssl: { require: true, rejectUnauthorized: false } },\n  },\n};\n";
}

const char* tsconfig = R"({
  "compilerOptions": {
    "target": "ES2020",
    "module": "commonjs",
    "strict": true,
    "esModuleInterop": true,
    "skipLibCheck": true
  },
  "ts-node": { "transpileOnly": true }
}
)";

const char* plans_json = R"([
  { "code": "free", "seats": 1 },
  { "code": "team", "seats": 10 },
  { "code": "enterprise", "seats": 500 }
]
)";

const char* initial_schema = R"('use strict';
// The initial schema: extensions, and users with an ENUM and a citext email.
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.sequelize.query('CREATE EXTENSION IF NOT EXISTS pgcrypto');
    await queryInterface.sequelize.query('CREATE EXTENSION IF NOT EXISTS citext');
    await queryInterface.createTable('users', {
      id: { type: Sequelize.UUID, primaryKey: true, defaultValue: Sequelize.literal('gen_random_uuid()') },
      email: { type: 'CITEXT', allowNull: false, unique: true },
      role: { type: Sequelize.ENUM('admin', 'member', 'guest'), allowNull: false, defaultValue: 'member' },
      createdAt: { type: Sequelize.DATE, allowNull: false, defaultValue: Sequelize.fn('now') },
      updatedAt: { type: Sequelize.DATE, allowNull: false, defaultValue: Sequelize.fn('now') },
    });
  },
  async down(queryInterface) {
DOWN  },
};
)";

const char* explicit_down = R"(    await queryInterface.dropTable('users');
    await queryInterface.sequelize.query('DROP TYPE "enum_users_role"');
)";

const char* drop_all_tables_down =
    R"(    // Every table at once, SequelizeMeta included: sequelize-cli recreates it.
    await queryInterface.dropAllTables();
)";

const char* transaction_migration = R"('use strict';
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.sequelize.transaction(async (transaction) => {
      await queryInterface.createTable('items_N', {
        id: { type: Sequelize.INTEGER, primaryKey: true, autoIncrement: true },
        userId: { type: Sequelize.UUID, references: { model: 'users', key: 'id' }, onDelete: 'CASCADE' },
        title: { type: Sequelize.STRING(200), allowNull: false },
        createdAt: { type: Sequelize.DATE, allowNull: false },
        updatedAt: { type: Sequelize.DATE, allowNull: false },
      }, { transaction });
      await queryInterface.addIndex('items_N', ['userId', 'createdAt'], { transaction });
    });
  },
  async down(queryInterface) {
    await queryInterface.dropTable('items_N');
  },
};
)";

const char* enum_column_migration = R"('use strict';
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.addColumn('users', 'tier_N', {
      type: Sequelize.ENUM('free', 'team', 'enterprise'),
      allowNull: true,
    });
  },
  async down(queryInterface) {
    await queryInterface.removeColumn('users', 'tier_N');
    await queryInterface.sequelize.query('DROP TYPE "enum_users_tier_N"');
  },
};
)";

const char* raw_sql_migration = R"('use strict';
module.exports = {
  async up(queryInterface) {
    await queryInterface.sequelize.query(`
      CREATE TABLE audit_N (
        id bigserial PRIMARY KEY,
        actor uuid REFERENCES users (id),
        token text NOT NULL DEFAULT encode(gen_random_bytes(16), 'hex'),
        payload jsonb NOT NULL DEFAULT '{}',
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryInterface.sequelize.query('CREATE INDEX audit_N_at ON audit_N (at DESC)');
  },
  async down(queryInterface) {
    await queryInterface.sequelize.query('DROP TABLE audit_N');
  },
};
)";

const char* add_index_migration = R"('use strict';
module.exports = {
  async up(queryInterface) {
    await queryInterface.addIndex('users', ['createdAt'], {
      name: 'users_admins_created_N',
      where: { role: 'admin' },
    });
  },
  async down(queryInterface) {
    await queryInterface.removeIndex('users', 'users_admins_created_N');
  },
};
)";

const char* this_helpers_migration = R"('use strict';
// umzug calls up and down with `this` bound to this module.
module.exports = {
  table: 'settings_N',
  async up(queryInterface, Sequelize) {
    await this.createSettings(queryInterface, Sequelize);
  },
  async down(queryInterface) {
    await this.dropSettings(queryInterface);
  },
  createSettings(queryInterface, Sequelize) {
    return queryInterface.createTable(this.table, {
      key: { type: Sequelize.STRING(64), primaryKey: true },
      value: { type: Sequelize.JSONB, allowNull: false },
    });
  },
  dropSettings(queryInterface) {
    return queryInterface.dropTable(this.table);
  },
};
)";

const char* cwd_file_migration = R"('use strict';
const fs = require('fs');
const path = require('path');

// sequelize-cli runs in the project directory; data/ is there.
module.exports = {
  async up(queryInterface) {
    const file = path.join(process.cwd(), 'data', 'plans.json');
    const plans = JSON.parse(fs.readFileSync(file, 'utf8'));
    const codes = plans.map((plan) => `'${plan.code}'`).join(', ');
    await queryInterface.sequelize.query(`CREATE TYPE plan_code_N AS ENUM (${codes})`);
  },
  async down(queryInterface) {
    await queryInterface.sequelize.query('DROP TYPE plan_code_N');
  },
};
)";

// Verified with sequelize-cli 6.6.5: queryInterface.createTable ignores
// `define`, but a model defined on the migration's connection takes
// underscored (full_name, created_at), and the session has the timezone.
const char* define_options_migration = R"('use strict';
module.exports = {
  async up(queryInterface, Sequelize) {
    const Event = queryInterface.sequelize.define('Event', {
      fullName: Sequelize.STRING,
    }, { tableName: 'events_N' });
    await Event.sync();
    const [[{ zone }]] = await queryInterface.sequelize.query(
      "SELECT current_setting('TimeZone') AS zone");
    await queryInterface.sequelize.query(`COMMENT ON TABLE events_N IS 'session time zone ${zone}'`);
  },
  async down(queryInterface) {
    await queryInterface.dropTable('events_N');
  },
};
)";

struct KindSource {
    MigrationKind kind;
    const char* description;
    const char* source;
};

const KindSource kind_sources[] = {
    {MigrationKind::transaction, "create-items", transaction_migration},
    {MigrationKind::enum_column, "add-user-tier", enum_column_migration},
    {MigrationKind::raw_sql, "create-audit", raw_sql_migration},
    {MigrationKind::add_index, "index-admins", add_index_migration},
    {MigrationKind::this_helpers, "create-settings", this_helpers_migration},
    {MigrationKind::cwd_file, "create-plan-codes", cwd_file_migration},
    {MigrationKind::define_options, "create-events", define_options_migration},
};

const KindSource& source_of(MigrationKind kind) {
    for (const auto& entry : kind_sources) {
        if (entry.kind == kind) return entry;
    }
    throw std::logic_error("unknown migration kind");
}

const char* create_accounts_ts = R"(import { QueryInterface, DataTypes } from 'sequelize';

export default {
  async up(queryInterface: QueryInterface): Promise<void> {
    await queryInterface.createTable('accounts', {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      email: { type: DataTypes.STRING, allowNull: false },
    });
  },
  async down(queryInterface: QueryInterface): Promise<void> {
    await queryInterface.dropTable('accounts');
  },
};
)";

const char* add_plan_ts = R"(import { QueryInterface, DataTypes } from 'sequelize';

export async function up(queryInterface: QueryInterface): Promise<void> {
  await queryInterface.addColumn('accounts', 'plan', {
    type: DataTypes.ENUM('free', 'pro'),
    defaultValue: 'free',
  });
}

export async function down(queryInterface: QueryInterface): Promise<void> {
  await queryInterface.removeColumn('accounts', 'plan');
  await queryInterface.sequelize.query('DROP TYPE "enum_accounts_plan"');
}
)";

std::string two_digits(int value) {
    return (value < 10 ? "0" : "") + std::to_string(value);
}

}  // namespace

TestRole::TestRole(const PgServer& server) : server_(server), password_(role_password) {
    std::random_device random;
    name_ = "migmerge_app_" + std::to_string(getpid()) + "_" + std::to_string(random() % 1000000);
    pqxx::connection admin(admin_conninfo(server_));
    pqxx::nontransaction tx(admin);
    tx.exec0("CREATE ROLE " + tx.quote_name(name_) + " LOGIN PASSWORD " + tx.quote(password_));
}

TestRole::~TestRole() {
    try {
        admin_exec(server_, "DROP ROLE IF EXISTS \"" + name_ + "\"");
    } catch (const std::exception&) {
        // Still owning a database: the cluster is thrown away at the end anyway.
    }
}

void TestRole::own(const TestDatabase& database) const {
    admin_exec(server_, "ALTER DATABASE \"" + database.name() + "\" OWNER TO \"" + name_ + "\"");
}

std::string TestRole::url(const std::string& dbname) const {
    return "postgres://" + name_ + ":" + percent_encoded(password_) + "@" + server_.host + ":" +
           server_.port + "/" + dbname;
}

std::vector<MigrationKind> plain_kinds() {
    return {MigrationKind::transaction, MigrationKind::enum_column, MigrationKind::raw_sql,
            MigrationKind::add_index};
}

std::string generated_name(int index, const std::string& description,
                           const std::string& extension) {
    constexpr int minutes_a_day = 24 * 60;
    if (index < 0 || index >= 28 * minutes_a_day) throw std::out_of_range("migration index");
    int day = 1 + index / minutes_a_day, hour = index % minutes_a_day / 60, minute = index % 60;
    return "202401" + two_digits(day) + two_digits(hour) + two_digits(minute) + "00-" +
           description + extension;
}

RealProject::RealProject(const TestRole& role, const TestDatabase& database,
                         RealProjectOptions options)
    : database_(database), options_(std::move(options)) {
    write_layout(role);
}

void RealProject::write_layout(const TestRole& role) const {
    write_file(dir_ / ".sequelizerc", sequelizerc(options_));
    std::string dbname = database_.name() + (options_.section == "development" ? "" : "_missing");
    write_file(dir_ / ".env",
               "# Local settings; never committed.\nDATABASE_URL=" + role.url(dbname) + "\n");
    write_file(dir_ / "config/database.js", database_js(options_, role, database_));
    write_file(dir_ / "data/plans.json", plans_json);
    write_file(dir_ / ".gitignore", "node_modules\n.env\n");
    fs::path parent = fs::path(options_.migrations_path).parent_path();
    fs::create_directories(migrations_dir());
    fs::create_directories(dir_ / (parent / "seeders").string());
    fs::create_directories(dir_ / (parent / "models").string());
    if (options_.typescript) write_file(dir_ / "tsconfig.json", tsconfig);
    fs::create_directory_symlink(repository_node_modules(), dir_ / "node_modules");
}

std::string RealProject::path_of(const std::string& migration) const {
    return migrations_dir() + "/" + migration;
}

void RealProject::add_migration(const std::string& name, const std::string& source) const {
    write_file(path_of(name), source);
}

std::vector<std::string> RealProject::add_generated(int count,
                                                    const std::vector<MigrationKind>& kinds,
                                                    bool drop_all_tables) const {
    std::vector<std::string> names{generated_name(0, "initial-schema")};
    add_migration(names[0], replaced(initial_schema, "DOWN",
                                     drop_all_tables ? drop_all_tables_down : explicit_down));
    for (int index = 1; index < count; ++index) {
        const KindSource& kind = source_of(kinds[(index - 1) % kinds.size()]);
        names.push_back(generated_name(index, kind.description));
        add_migration(names.back(), replaced(kind.source, "_N", "_" + std::to_string(index)));
    }
    return names;
}

std::vector<std::string> RealProject::add_typescript_migrations() const {
    std::vector<std::string> names{generated_name(0, "create-accounts", ".ts"),
                                   generated_name(1, "add-plan", ".ts")};
    add_migration(names[0], create_accounts_ts);
    add_migration(names[1], add_plan_ts);
    return names;
}

ProcessResult RealProject::sequelize_cli(const std::vector<std::string>& args,
                                         const std::map<std::string, std::string>& env) const {
    return sequelize_cli_in(dir(), args, env);
}

std::string real_project_tools_missing() {
    std::string missing = node_tools_missing();
    if (!missing.empty()) return missing;
    for (const char* package : {"dotenv", "ts-node", "typescript"}) {
        if (!fs::exists(repository_node_modules() + "/" + package)) {
            return std::string(package) + " is not in " + repository_node_modules() +
                   " (run npm ci there)";
        }
    }
    return "";
}

}  // namespace migmerge::test
