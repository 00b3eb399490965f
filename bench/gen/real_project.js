#!/usr/bin/env node
// Writes a Sequelize project laid out the way real teams do, for the
// real-layout benchmarks: COUNT trivial migrations, a node_modules link to
// migmerge's own, and the database URL where LAYOUT keeps it:
//
//   dotenv  .sequelizerc (require('dotenv').config(), path.resolve()d paths),
//           .env with DATABASE_URL, config/database.js whose development
//           section has use_env_variable, migrations in server/migrations
//   json    config/config.json with host, port, username, password, database;
//           migrations in migrations/
//   url     no config at all: the URL is given on the command line (--url)
//
//   node real_project.js DIR COUNT LAYOUT URL
'use strict';
const fs = require('fs');
const path = require('path');
const names = require('./names');

const NODE_MODULES = path.resolve(__dirname, '..', '..', 'node_modules');

const SEQUELIZERC = `// Loads .env first: config/database.js reads DATABASE_URL from it.
require('dotenv').config();
const path = require('path');

module.exports = {
  config: path.resolve('config', 'database.js'),
  'migrations-path': path.resolve('server', 'migrations'),
  'seeders-path': path.resolve('server', 'seeders'),
  'models-path': path.resolve('server', 'models'),
};
`;

const DATABASE_JS = `const common = {
  dialect: 'postgres',
  define: { underscored: true },
  timezone: '+00:00',
  logging: false,
  pool: { max: 5, min: 0, acquire: 30000, idle: 10000 },
};

module.exports = {
  development: { ...common, use_env_variable: 'DATABASE_URL' },
  test: { ...common, use_env_variable: 'TEST_DATABASE_URL' },
  production: { ...common, use_env_variable: 'DATABASE_URL', dialectOptions: { ssl: true } },
};
`;

function configJson(url) {
    const parsed = new URL(url);
    const development = {
        username: decodeURIComponent(parsed.username),
        password: decodeURIComponent(parsed.password),
        database: parsed.pathname.slice(1),
        host: parsed.hostname,
        port: Number(parsed.port),
        dialect: 'postgres',
        logging: false,
    };
    return JSON.stringify({development}, null, 2) + '\n';
}

function write(dir, relative, text) {
    fs.mkdirSync(path.dirname(path.join(dir, relative)), {recursive: true});
    fs.writeFileSync(path.join(dir, relative), text);
}

// The files that say where the database is; returns the migrations folder.
function writeLayout(dir, layout, url) {
    if (layout === 'dotenv') {
        write(dir, '.sequelizerc', SEQUELIZERC);
        write(dir, '.env', `DATABASE_URL=${url}\n`);
        write(dir, 'config/database.js', DATABASE_JS);
        return 'server/migrations';
    }
    if (layout === 'json') write(dir, 'config/config.json', configJson(url));
    return 'migrations';
}

function main() {
    const [dir, countText, layout, url] = process.argv.slice(2);
    const count = Number(countText);
    if (!dir || !(count > 0) || !['dotenv', 'json', 'url'].includes(layout) || !url) {
        throw new Error('usage: real_project.js DIR COUNT dotenv|json|url URL');
    }
    const folder = path.join(dir, writeLayout(dir, layout, url));
    fs.mkdirSync(folder, {recursive: true});
    fs.symlinkSync(NODE_MODULES, path.join(dir, 'node_modules'));
    for (const name of names.sequence(count, 'step')) {
        fs.writeFileSync(path.join(folder, name), names.migrationSource(name));
    }
}

main();
