'use strict';
// migmerge's Node bridge: runs migrations through the project's own sequelize,
// one command at a time, for the C++ runner that owns this process.
//
// Protocol: newline-delimited JSON. Commands arrive on stdin; replies leave on
// fd 3, so that whatever a migration prints (stdout, which the runner sends to
// its stderr) can never corrupt them. The first command is `init`; it carries
// the password, which is why it comes over a pipe and never through argv/env.
//
//   {"cmd":"init","projectDir":..,"connection":{host,port,user,password,database,ssl}}
//   {"cmd":"up"|"down","name":..,"path":..}
// Replies: {"ok":true,"name":..,"ms":..} or {"error":KIND,"name":..,"message":..}

const fs = require('fs');
const path = require('path');
const readline = require('readline');
const { pathToFileURL } = require('url');

const REPLY_FD = 3;

function reply(message) {
  fs.writeSync(REPLY_FD, JSON.stringify(message) + '\n');
}

function failure(kind, name, error) {
  const message = error instanceof Error ? error.message : String(error);
  return { error: kind, name, message };
}

// The project's sequelize, not one of ours: migrations must get the very
// Sequelize class (DataTypes, Op, fn) their project installed.
function loadSequelize(projectDir) {
  const resolved = require.resolve('sequelize', { paths: [projectDir] });
  return require(resolved);
}

function sequelizeOptions(connection) {
  const dialectOptions = { application_name: 'migmerge-bridge' };
  if (connection.ssl) dialectOptions.ssl = { require: true, rejectUnauthorized: false };
  // No search_path from migrationStorageTableSchema: sequelize-cli keeps the
  // migrations in the connection's default schema, and so must we.
  return {
    dialect: 'postgres',
    host: connection.host,
    port: connection.port,
    logging: false,
    dialectOptions,
  };
}

class Session {
  constructor(Sequelize, sequelize) {
    this.Sequelize = Sequelize;
    this.sequelize = sequelize;
  }

  static async open(command) {
    let Sequelize;
    try {
      Sequelize = loadSequelize(command.projectDir);
    } catch (error) {
      return { reply: failure('sequelize-missing', '', error) };
    }
    const c = command.connection;
    let sequelize;
    try {
      sequelize = new Sequelize(c.database, c.user, c.password, sequelizeOptions(c));
    } catch (error) {
      // Sequelize throws here when the `pg` driver is not installed.
      return { reply: failure('sequelize-missing', '', error) };
    }
    try {
      await sequelize.authenticate();
    } catch (error) {
      return { reply: failure('connect-failed', '', error) };
    }
    return { session: new Session(Sequelize, sequelize), reply: { ok: true, name: '' } };
  }

  async run(direction, name, file) {
    const started = process.hrtime.bigint();
    const step = await migrationFunction(file, direction);
    if (typeof step !== 'function') {
      return failure('no-function', name, `the migration exports no ${direction} function`);
    }
    const result = step(this.sequelize.getQueryInterface(), this.Sequelize);
    if (!result || typeof result.then !== 'function') {
      // sequelize-cli's umzug rejects these too.
      return failure('not-a-promise', name, `${direction} did not return a promise`);
    }
    await result;
    const ms = Number((process.hrtime.bigint() - started) / 1000000n);
    return { ok: true, name, ms };
  }
}

async function loadModule(file) {
  try {
    return require(file);
  } catch (error) {
    if (error.code !== 'ERR_REQUIRE_ESM') throw error;
    return import(pathToFileURL(file).href);
  }
}

async function migrationFunction(file, direction) {
  const module = await loadModule(path.resolve(file));
  if (module && typeof module[direction] === 'function') return module[direction];
  return module && module.default ? module.default[direction] : undefined;
}

async function handle(state, command) {
  if (command.cmd === 'init') {
    const opened = await Session.open(command);
    state.session = opened.session;
    return opened.reply;
  }
  if ((command.cmd === 'up' || command.cmd === 'down') && state.session) {
    try {
      return await state.session.run(command.cmd, command.name, command.path);
    } catch (error) {
      return failure('migration-failed', command.name, error);
    }
  }
  return failure('bad-command', command.name || '', `unexpected command ${command.cmd}`);
}

async function respond(state, line) {
  let command;
  try {
    command = JSON.parse(line);
  } catch (error) {
    return reply(failure('bad-command', '', error));
  }
  reply(await handle(state, command));
}

function main() {
  const state = { session: null };
  let queue = Promise.resolve();
  const lines = readline.createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    queue = queue.then(() => respond(state, line));
  });
  // The runner is gone (or done): stop at once, mid-migration if need be,
  // rather than keep changing a database nobody is recording.
  lines.on('close', () => process.exit(0));
}

main();
