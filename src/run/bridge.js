'use strict';
// migmerge's Node bridge: the one node process of a command. It loads the
// project the way sequelize-cli does, in this same process (so every side
// effect of .sequelizerc, such as dotenv or ts-node/register, stays in
// force), and runs migrations through the project's own sequelize, one
// command at a time, for the C++ side that owns this process. It runs in the
// project directory.
//
// Protocol: newline-delimited JSON. Commands arrive on stdin; replies leave on
// fd 3, so that whatever a config or a migration prints (stdout, which the
// C++ side sends to its stderr) can never corrupt them. The password only
// travels in `init`, over the pipe, never through argv.
//
//   {"cmd":"load-rc","file":..}            -> {"ok":true,"value":{..}|null,"env":{..}}
//   {"cmd":"load-config","file":..}        -> {"ok":true,"value":{..},"env":{..}}
//   {"cmd":"init","env":..,"config":{..}?,"connection":{host,port,user,password,database,ssl}}
//   {"cmd":"up"|"down","name":..,"path":..}
//   {"cmd":"up",..,"transaction":true,"record":{"sql":..,"bind":[..],"durationAt":N?}}
//   {"cmd":"close"}                        -> the Sequelize of the last init closed
//   {"cmd":"up",..,"capture":true}         -> the reply (ok or not) also carries
//     "statements":[{"sql":..,"bind":[..]}], every query the driver sent meanwhile
//     -> `up` and the record statement in one transaction: {"ok":true,"recorded":true}
// Replies: {"ok":true,...} or {"error":KIND,"name":..,"message":..}

const fs = require('fs');
const path = require('path');
const readline = require('readline');
const { pathToFileURL } = require('url');
const { AsyncLocalStorage } = require('async_hooks');

const REPLY_FD = 3;

function reply(message) {
  fs.writeSync(REPLY_FD, JSON.stringify(message) + '\n');
}

function failure(kind, name, error) {
  const message = error instanceof Error ? error.message : String(error);
  return { error: kind, name, message };
}

// require, else import() for ESM, as sequelize-cli's import helper does.
async function loadModule(file) {
  try {
    return require(file);
  } catch (error) {
    if (error.code !== 'ERR_REQUIRE_ESM') throw error;
    return import(pathToFileURL(file).href);
  }
}

// A config module's value as sequelize-cli takes it: the default export (an
// ES module's, or a transpiled module's), awaited; a function is called,
// with a callback when it takes one.
async function configValue(file) {
  const module = await loadModule(file);
  const isModule = module && (module[Symbol.toStringTag] === 'Module' || module.__esModule);
  let value = await (isModule && 'default' in module ? module.default : module);
  if (typeof value === 'function' && value.length === 1) {
    value = await new Promise((resolve, reject) =>
      value((error, result) => (error ? reject(error) : resolve(result))));
  } else if (typeof value === 'function') {
    value = await value();
  }
  return value === undefined ? null : value;
}

// The project's sequelize, not one of ours: migrations must get the very
// Sequelize class (DataTypes, Op, fn) their project installed.
function loadSequelize() {
  return require(require.resolve('sequelize', { paths: [process.cwd()] }));
}

// The Sequelize options as sequelize-cli builds them: the environment's whole
// section (define, timezone, dialectOptions, pool, logging, ...), with the
// connection migmerge resolved in place of url / use_env_variable.
function sequelizeOptions(rawConfig, env, connection) {
  let section = rawConfig && typeof rawConfig === 'object' ? rawConfig : {};
  if (section[env] && typeof section[env] === 'object') section = section[env];
  const options = Object.assign({}, section);
  for (const key of ['url', 'use_env_variable', 'username', 'password', 'database', 'host',
    'port', 'protocol', 'ssl', 'migrationStorage', 'migrationStoragePath',
    'migrationStorageTableName', 'migrationStorageTableSchema', 'migrationTimestamps',
    'seederStorage', 'seederStorageTableName']) {
    delete options[key];
  }
  options.dialect = 'postgres';
  options.host = connection.host;
  options.port = connection.port;
  options.database = connection.database;
  options.username = connection.user;
  options.password = connection.password;
  options.logging = typeof section.logging === 'function' ? section.logging
    : (section.logging ? console.log : false);
  const dialectOptions = Object.assign({}, section.dialectOptions);
  dialectOptions.application_name = connection.applicationName || 'migmerge-bridge';
  if (connection.ssl && !dialectOptions.ssl) {
    dialectOptions.ssl = { require: true, rejectUnauthorized: false };
  }
  options.dialectOptions = dialectOptions;
  return options;
}

// Sequelize 6 finds the transaction of a query through a CLS namespace
// (Sequelize.useCLS): this one is Node's AsyncLocalStorage, so every
// queryInterface call inside `up` joins the migration's transaction and the
// project needs no cls-hooked.
function clsNamespace() {
  const storage = new AsyncLocalStorage();
  return {
    run(fn) {
      const context = new Map();
      return storage.run(context, () => fn(context));
    },
    bind(fn) {
      return fn;
    },
    get(key) {
      const context = storage.getStore();
      return context ? context.get(key) : undefined;
    },
    set(key, value) {
      const context = storage.getStore();
      if (context) context.set(key, value);
      return value;
    },
  };
}

// A file opts out of --transaction each with `transaction: false`
// (CREATE INDEX CONCURRENTLY cannot run in a transaction).
function wantsTransaction(module) {
  const own = module && module.default && 'transaction' in module.default ? module.default : module;
  return !(own && own.transaction === false);
}

function transactionHint(name, error) {
  const message = error instanceof Error ? error.message : String(error);
  if (!/cannot (run|be executed) inside a transaction block/.test(message)) return message;
  return `${message} (hint: export \`transaction: false\` from ${name} to run it outside a ` +
    'transaction)';
}

// Every query the pg driver sends while `sink` is set: Client.prototype.query
// is where Sequelize's queries, its connection set-up and raw driver calls all
// pass, so what is kept is what the server receives. Installed on the first
// capturing step only: a plain run pays nothing.
const capture = { sink: null, installed: false };

function bindValue(value) {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return '\\x' + value.toString('hex');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function installCapture(pg) {
  if (capture.installed || !pg || !pg.Client) return;
  capture.installed = true;
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function capturingQuery(config, values, callback) {
    if (capture.sink) {
      const sql = typeof config === 'string' ? config : config && config.text;
      let bind = Array.isArray(values) ? values : config && config.values;
      if (typeof sql === 'string') {
        capture.sink.push({ sql, bind: (Array.isArray(bind) ? bind : []).map(bindValue) });
      }
    }
    return query.call(this, config, values, callback);
  };
}

class Session {
  constructor(Sequelize, sequelize) {
    this.Sequelize = Sequelize;
    this.sequelize = sequelize;
  }

  // `run`, with the statements it sent in its reply, failed or not.
  async runCapturing(command) {
    installCapture(this.sequelize.connectionManager.lib);
    const statements = [];
    capture.sink = statements;
    try {
      const result = await this.run(command);
      return Object.assign(result, { statements });
    } catch (error) {
      return Object.assign(failure('migration-failed', command.name, error), { statements });
    } finally {
      capture.sink = null;
    }
  }

  static async open(state, command) {
    let Sequelize;
    try {
      Sequelize = loadSequelize();
    } catch (error) {
      return { reply: failure('sequelize-missing', '', error) };
    }
    const rawConfig = state.rawConfig !== undefined ? state.rawConfig : command.config;
    let sequelize;
    try {
      sequelize = new Sequelize(sequelizeOptions(rawConfig, command.env, command.connection));
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

  // As umzug 2.3.0 calls a migration: the function of the module (or of its
  // default export), with `this` bound to the module itself.
  async run(command) {
    const { cmd: direction, name } = command;
    const started = process.hrtime.bigint();
    const module = await loadModule(path.resolve(command.path));
    let step = module ? module[direction] : undefined;
    if (module && module.default) step = module.default[direction] || module[direction];
    if (typeof step !== 'function') {
      return failure('no-function', name, `the migration exports no ${direction} function`);
    }
    const call = () => step.apply(module, [this.sequelize.getQueryInterface(), this.Sequelize]);
    const elapsed = () => Number((process.hrtime.bigint() - started) / 1000000n);
    if (command.transaction && wantsTransaction(module)) {
      return this.runInTransaction(name, call, command.record, elapsed);
    }
    const result = call();
    if (!result || typeof result.then !== 'function') {
      // sequelize-cli's umzug rejects these too.
      return failure('not-a-promise', name, `${direction} did not return a promise`);
    }
    await result;
    return { ok: true, name, ms: elapsed() };
  }

  // The migration and its SequelizeMeta row commit together, or neither does.
  async runInTransaction(name, call, record, elapsed) {
    if (!this.Sequelize._cls) this.Sequelize.useCLS(clsNamespace());
    try {
      let ms = 0;
      await this.sequelize.transaction(async (transaction) => {
        const result = call();
        if (!result || typeof result.then !== 'function') {
          throw new Error('up did not return a promise');
        }
        await result;
        ms = elapsed();
        const bind = record.bind.slice();
        if (record.durationAt !== undefined) bind[record.durationAt] = String(ms);
        await this.sequelize.query(record.sql, { bind, transaction });
      });
      return { ok: true, name, ms, recorded: true };
    } catch (error) {
      return failure('migration-failed', name, transactionHint(name, error));
    }
  }
}

// A value as JSON sees it: functions (a logging callback) and the like drop out.
function plain(value) {
  return value === null || value === undefined ? null : JSON.parse(JSON.stringify(value));
}

async function load(state, command) {
  try {
    if (command.cmd === 'load-rc') {
      const value = fs.existsSync(command.file) ? require(path.resolve(command.file)) : null;
      return { ok: true, value: plain(value), env: process.env };
    }
    state.rawConfig = await configValue(path.resolve(command.file));
    return { ok: true, value: plain(state.rawConfig), env: process.env };
  } catch (error) {
    return failure('load-failed', command.file, error);
  }
}

async function handle(state, command) {
  if (command.cmd === 'load-rc' || command.cmd === 'load-config') return load(state, command);
  if (command.cmd === 'init') {
    const opened = await Session.open(state, command);
    state.session = opened.session;
    return opened.reply;
  }
  if (command.cmd === 'close') {
    // verify branches databases with CREATE DATABASE ... TEMPLATE, which
    // needs every connection to the template closed, the pool's included.
    if (state.session) await state.session.sequelize.close();
    state.session = null;
    return { ok: true, name: '' };
  }
  if ((command.cmd === 'up' || command.cmd === 'down') && state.session) {
    try {
      if (command.capture) return await state.session.runCapturing(command);
      return await state.session.run(command);
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
  // migmerge owns shutdown: on SIGTERM or Ctrl-C (which a terminal sends to
  // node too) it cancels the running statement on the server and waits for
  // this migration's answer. Node dying first would leave the statement
  // running, unwatched, to commit with no SequelizeMeta row.
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => {});
  const state = { session: null, rawConfig: undefined };
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
