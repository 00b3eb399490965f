#!/usr/bin/env node
// Writes a Sequelize project for the database benchmarks: DIR/migrations with
// COUNT trivial migrations and a node_modules link to migmerge's own.
// With RENAMES > 0, that many files (spread evenly) were renamed by a fix:
// the folder has their new names, the ledger records old -> new, and
// DIR/rows.txt lists SequelizeMeta as a database that ran the old names has it.
//
//   node project.js DIR COUNT [RENAMES]
'use strict';
const fs = require('fs');
const path = require('path');
const names = require('./names');

const NODE_MODULES = path.resolve(__dirname, '..', '..', 'node_modules');

// The rename rule: each renamed file moves after the greatest timestamp,
// consecutive seconds, keeping its description.
function renamedTo(name, order, count) {
    const lastHour = names.EPOCH_SECONDS + (count - 1) * 3600;
    return names.timestamp(lastHour + order + 1) + name.slice(14);
}

function plan(count, renames) {
    const applied = names.sequence(count, 'step');
    const files = applied.slice();
    const ledger = [];
    const every = renames > 0 ? Math.floor(count / renames) : 0;
    for (let k = 0; k < renames; ++k) {
        const index = k * every;
        files[index] = renamedTo(applied[index], k, count);
        ledger.push(`${applied[index]}\t${files[index]}\n`);
    }
    return {applied, files, ledger};
}

function main() {
    const [dir, countText, renamesText = '0'] = process.argv.slice(2);
    const count = Number(countText), renames = Number(renamesText);
    if (!dir || !(count > 0) || !(renames >= 0) || renames > count) {
        throw new Error('usage: project.js DIR COUNT [RENAMES<=COUNT]');
    }
    const folder = path.join(dir, 'migrations');
    fs.mkdirSync(folder, {recursive: true});
    fs.symlinkSync(NODE_MODULES, path.join(dir, 'node_modules'));
    const {applied, files, ledger} = plan(count, renames);
    for (const name of files) fs.writeFileSync(path.join(folder, name), names.migrationSource(name));
    if (renames > 0) {
        fs.writeFileSync(path.join(folder, '.migmerge-renames'), ledger.join(''));
        fs.writeFileSync(path.join(dir, 'rows.txt'), applied.join('\n') + '\n');
    }
}

main();
