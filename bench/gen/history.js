#!/usr/bin/env node
// Writes a `git fast-import` stream: a trunk of COMMITS commits that grows a
// migrations folder to MIGRATIONS files (added in batches, as teams do, among
// commits that touch only application code), then two branches, production
// and staging, that diverge from it and each add their own migrations.
// Staging's interleave with production's (split history) and some share a
// timestamp with one of production's (collisions).
//
//   node history.js MIGRATIONS COMMITS OUT_FILE [BRANCH_COMMITS BRANCH_MIGRATIONS]
//
// With BRANCH_COMMITS = BRANCH_MIGRATIONS (300 300), each side adds one
// migration per commit: as many versions of the folder's tree, in delta chains.
'use strict';
const fs = require('fs');
const names = require('./names');

let BRANCH_COMMITS = 100;       // commits on each side since the merge base
let BRANCH_MIGRATIONS = 40;     // migrations each side adds
const MAX_BATCHES = 200;        // trunk commits that add migrations
const AUTHOR = 'Bench <bench@example.com>';

class Stream {
    constructor(file) {
        this.fd = fs.openSync(file, 'w');
        this.parts = [];
        this.size = 0;
        this.mark = 0;
        this.time = names.EPOCH_SECONDS;
    }
    write(text) {
        this.parts.push(text);
        this.size += text.length;
        if (this.size > 1 << 22) this.flush();
    }
    flush() {
        fs.writeSync(this.fd, this.parts.join(''));
        this.parts = [];
        this.size = 0;
    }
    data(text) {
        this.write(`data ${Buffer.byteLength(text)}\n${text}\n`);
    }
    // One commit on `ref` whose parent is `parent` (a mark) and whose files
    // are `files` ([path, content] pairs); returns its mark.
    commit(ref, parent, message, files) {
        const mark = ++this.mark;
        this.time += 60;
        this.write(`commit ${ref}\nmark :${mark}\n`);
        this.write(`author ${AUTHOR} ${this.time} +0000\ncommitter ${AUTHOR} ${this.time} +0000\n`);
        this.data(message);
        if (parent) this.write(`from :${parent}\n`);
        for (const [path, content] of files) {
            this.write(`M 100644 inline ${path}\n`);
            this.data(content);
        }
        return mark;
    }
    close() {
        this.flush();
        fs.closeSync(this.fd);
    }
}

function migrationFile(name) {
    return [`migrations/${name}`, names.migrationSource(name)];
}

function appFile(revision) {
    return [`src/module-${revision % 50}.js`, `module.exports = { revision: ${revision} };\n`];
}

// Spreads `count` items over `slots` buckets as evenly as possible.
function share(count, slots, slot) {
    return Math.floor(((slot + 1) * count) / slots) - Math.floor((slot * count) / slots);
}

function writeTrunk(stream, trunkNames, commits) {
    const batches = Math.min(MAX_BATCHES, commits);
    const every = Math.floor(commits / batches);
    let parent = 0, next = 0, batch = 0;
    for (let i = 0; i < commits; ++i) {
        let files = [appFile(i)];
        if (i % every === 0 && batch < batches) {
            const count = share(trunkNames.length, batches, batch++);
            files = trunkNames.slice(next, next + count).map(migrationFile);
            next += count;
        }
        parent = stream.commit('refs/heads/main', parent, `trunk ${i}\n`, files);
    }
    return parent;
}

function writeBranch(stream, branch, fork, branchNames) {
    let parent = fork;
    for (let i = 0; i < BRANCH_COMMITS; ++i) {
        const count = share(branchNames.length, BRANCH_COMMITS, i);
        const added = branchNames.splice(0, count).map(migrationFile);
        const files = added.length ? added : [[`src/${branch}.js`, `// ${branch} ${i}\n`]];
        parent = stream.commit(`refs/heads/${branch}`, parent, `${branch} ${i}\n`, files);
    }
}

function main() {
    const [migrations, commits, out, branchCommits, branchMigrations] = process.argv.slice(2);
    if (branchCommits) BRANCH_COMMITS = Number(branchCommits);
    if (branchMigrations) BRANCH_MIGRATIONS = Number(branchMigrations);
    const total = Number(migrations);
    const trunkCount = total - 2 * BRANCH_MIGRATIONS;
    if (!(trunkCount > 0) || !(Number(commits) > 0) || !out) {
        throw new Error('usage: history.js MIGRATIONS(>80) COMMITS OUT_FILE');
    }
    const trunkNames = names.sequence(trunkCount, 'table');
    const sides = names.divergedSides(trunkCount, BRANCH_MIGRATIONS);
    const stream = new Stream(out);
    const fork = writeTrunk(stream, trunkNames, Number(commits));
    writeBranch(stream, 'production', fork, sides.production);
    writeBranch(stream, 'staging', fork, sides.staging);
    stream.close();
}

main();
