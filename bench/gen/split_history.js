#!/usr/bin/env node
// Builds real git repositories (git init, commit, branch, merge, rebase,
// merge --squash) whose `migrations/` folder has split-history files, one
// judged change per repository, and records for each change the ground truth
// computed from git alone (the oracle below), for bench/recall.
//
//   node split_history.js OUT_DIR SEED COUNT [SCENARIO,...]
//
// Writes OUT_DIR/<scenario>-<i>/ (the repository), OUT_DIR/<scenario>-<i>.merge/
// (a linked work tree, detached at the change's merge commit),
// OUT_DIR/manifest.json (every change with its truth) and OUT_DIR/runs.tsv
// (one `migmerge check` to run per line: id, mode, directory, base, head).
//
// The oracle. A judged change is a deployed ref D and an incoming ref H. Its
// split-history files are the migration files (a valid 14-digit timestamp
// name) that H has and D does not, and that sort (byte order) before the
// greatest migration file D has, wherever that one came from (added since
// the merge base or already in it); also every such file of H whose
// 14-digit timestamp is the timestamp of a file D has (a collision).
//
// The same SEED gives the same repositories, commit ids included (every
// commit's dates come from a counter, not the clock). Node 20, no npm deps.
'use strict';
const fs = require('fs');
const path = require('path');
const {execFileSync} = require('child_process');

const SCENARIOS = ['in-order', 'catch-up', 'rebased', 'squash-pr', 'legacy', 'reformat'];
const VALID_NAME = /^([0-9]{14})[^/]*\.js$/;

// ---------------------------------------------------------------- randomness

// mulberry32: small, seedable, the same sequence on every machine.
class Rng {
    constructor(seed) {
        this.state = seed >>> 0;
    }
    next() {
        this.state = (this.state + 0x6d2b79f5) >>> 0;
        let t = this.state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    }
    int(lo, hi) { // lo..hi inclusive
        return lo + Math.floor(this.next() * (hi - lo + 1));
    }
    chance(p) {
        return this.next() < p;
    }
    pick(list) {
        return list[Math.floor(this.next() * list.length)];
    }
}

// --------------------------------------------------------- migration names

const VERBS = ['add', 'create', 'drop', 'rename', 'backfill', 'index', 'alter', 'extend', 'split', 'remove'];
const NOUNS = ['users', 'orders', 'invoices', 'sites', 'audit-log', 'billing', 'tags', 'sessions',
    'tax-forms', 'analytics', 'roles', 'comments', 'webhooks', 'api-keys', 'reports', 'plans'];
const HOUR = 3600, DAY = 24 * HOUR;

function stamp(seconds) {
    return new Date(seconds * 1000).toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

// Timestamps and descriptions of one repository: every timestamp is unique
// unless a collision is asked for, every name is unique.
class Namer {
    constructor(rng) {
        this.rng = rng;
        this.stamps = new Set();
        this.names = new Set();
        // somewhere in 2019-2020, so that every name stays in the past
        this.clock = Date.UTC(2019, 0, 1) / 1000 + rng.int(0, 400) * DAY + rng.int(0, 23) * HOUR;
    }
    description() {
        for (;;) {
            const d = `${this.rng.pick(VERBS)}-${this.rng.pick(NOUNS)}`;
            if (![...this.names].some((n) => n.endsWith(`-${d}.js`))) return d;
            const numbered = `${d}-${this.rng.int(2, 99)}`;
            if (![...this.names].some((n) => n.endsWith(`-${numbered}.js`))) return numbered;
        }
    }
    // A name with a fresh timestamp at `seconds` (moved on to the next free second).
    at(seconds) {
        while (this.stamps.has(stamp(seconds))) ++seconds;
        const ts = stamp(seconds);
        this.stamps.add(ts);
        const name = `${ts}-${this.description()}.js`;
        this.names.add(name);
        return name;
    }
    // A name sharing the timestamp of `other` (a collision).
    sameStampAs(other) {
        const name = `${other.slice(0, 14)}-${this.description()}.js`;
        this.names.add(name);
        return name;
    }
    // The next name after everything so far: 1 hour to 20 days later.
    next() {
        this.clock += this.rng.int(1, 20 * 24) * HOUR + this.rng.int(0, 3599);
        return this.at(this.clock);
    }
    // A window of time after everything so far, for two branches that work at
    // once: returns a function giving a random name inside it.
    window(days) {
        const start = this.clock + HOUR;
        this.clock += days * DAY;
        return () => this.at(start + this.rng.int(0, days * DAY));
    }
}

function migrationSource(name, rng) {
    const table = rng.pick(NOUNS).replace(/-/g, '_');
    return `'use strict';

/** @type {import('sequelize-cli').Migration} */
module.exports = {
  async up(queryInterface, Sequelize) {
    // ${name}
    await queryInterface.addColumn('${table}', 'c${rng.int(1, 9999)}', {
      type: Sequelize.STRING,
      allowNull: true,
    });
  },

  async down(queryInterface) {
    await queryInterface.removeColumn('${table}', 'c0');
  },
};
`;
}

// Whitespace and comments only: 4-space indentation, a comment block on top,
// the JSDoc line dropped. What a bulk "prettier + header" commit does.
function reformatted(source) {
    const body = source
        .split('\n')
        .filter((line) => !line.startsWith('/** @type'))
        .map((line) => line.replace(/^( +)/, (spaces) => ' '.repeat(spaces.length * 2)))
        .join('\n');
    return `// Copyright (c) the project authors. Reformatted, no change in behaviour.\n${body}`;
}

// ---------------------------------------------------------------------- git

// No user or system configuration (hooks, signing, templates) takes part.
const GIT_ENV = {
    GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_EDITOR: 'true', LC_ALL: 'C',
    GIT_AUTHOR_NAME: 'Dev', GIT_AUTHOR_EMAIL: 'dev@example.com',
    GIT_COMMITTER_NAME: 'Dev', GIT_COMMITTER_EMAIL: 'dev@example.com',
};

class Repo {
    constructor(dir, rng) {
        this.dir = dir;
        this.rng = rng;
        this.time = Date.UTC(2024, 0, 1) / 1000;
        fs.mkdirSync(path.join(dir, 'migrations'), {recursive: true});
        fs.mkdirSync(path.join(dir, 'src'), {recursive: true});
        this.git('init', '-q', '-b', 'main');
    }
    git(...args) {
        return this.gitIn(this.dir, ...args);
    }
    gitIn(cwd, ...args) {
        return this.run(cwd, args);
    }
    run(cwd, args, input) {
        this.time += 60;
        const date = `@${this.time} +0000`;
        try {
            return execFileSync('git', args, {
                cwd,
                input,
                encoding: 'utf8',
                stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
                env: {...process.env, ...GIT_ENV, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date},
            }).trim();
        } catch (e) {
            throw new Error(`git ${args.join(' ')} (in ${cwd}) failed:\n${e.stderr || e.message}`);
        }
    }
    // Between beginImport and endImport, commits on main are collected into
    // one `git fast-import` stream (one git process for the whole trunk, as
    // bench/gen/history.js does), then checked out.
    beginImport() {
        this.stream = [];
        this.files = new Map();
    }
    endImport() {
        this.run(this.dir, ['fast-import', '--quiet'], this.stream.join(''));
        this.stream = null;
        this.git('reset', '-q', '--hard', 'main');
    }
    write(rel, content) {
        if (this.stream) this.files.set(rel, content);
        else fs.writeFileSync(path.join(this.dir, rel), content);
    }
    read(rel) {
        if (this.stream) return this.files.get(rel);
        return fs.readFileSync(path.join(this.dir, rel), 'utf8');
    }
    // One commit of new migrations (names), other files ([path, content]) and
    // deletions (paths) on the checked-out branch.
    commit(message, {migrations = [], files = [], remove = []} = {}) {
        const changed = [];
        for (const name of migrations) changed.push([`migrations/${name}`, migrationSource(name, this.rng)]);
        changed.push(...files);
        for (const [rel, content] of changed) this.write(rel, content);
        if (this.stream) {
            this.time += 60;
            const data = (text) => `data ${Buffer.byteLength(text)}\n${text}\n`;
            const who = `Dev <dev@example.com> ${this.time} +0000`;
            // without `from`, each commit follows the branch's last one
            this.stream.push(`commit refs/heads/main\nauthor ${who}\ncommitter ${who}\n${data(message)}`);
            for (const [rel, content] of changed) this.stream.push(`M 100644 inline ${rel}\n${data(content)}`);
            for (const rel of remove) {
                this.files.delete(rel);
                this.stream.push(`D ${rel}\n`);
            }
            this.stream.push('\n');
            return;
        }
        for (const rel of remove) fs.rmSync(path.join(this.dir, rel));
        this.git('add', '-A');
        this.git('commit', '-q', '-m', message);
    }
    // An application change on the checked-out branch (no migration).
    codeCommit(what) {
        const file = `src/${what}.js`;
        this.commit(`${what}: code`, {files: [[file, `// ${what} ${this.rng.int(0, 1e9)}\n`]]});
    }
    checkout(...args) {
        this.git('checkout', '-q', ...args);
    }
    sha(ref) {
        return this.git('rev-parse', '--verify', `${ref}^{commit}`);
    }
    // The commit ids of several refs, in one git process.
    shas(...refs) {
        return this.git('rev-parse', ...refs.map((ref) => `${ref}^{commit}`)).split('\n');
    }
    migrations(commit) {
        const out = this.git('ls-tree', '--name-only', `${commit}:migrations`);
        return out ? out.split('\n') : [];
    }
    // A linked work tree detached at `ref`; with `mergeOf`, the merge of that
    // ref into it (`git merge --no-ff`), as a merge on `ref` would make it.
    // `ref` itself does not move: the branch stays where it was deployed.
    worktree(dir, ref, mergeOf) {
        this.git('worktree', 'add', '-q', '--detach', dir, ref);
        if (mergeOf) this.gitIn(dir, 'merge', '-q', '--no-ff', '--no-edit', '-m', `Merge branch '${mergeOf}'`, mergeOf);
        return this.gitIn(dir, 'rev-parse', 'HEAD');
    }
}

// --------------------------------------------------------------- the oracle

function timestampOf(name) {
    const m = VALID_NAME.exec(name);
    return m ? m[1] : null;
}

function byteOrder(a, b) {
    return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

// The split-history files of (D, H), from the two trees alone.
function oracle(repo, deployed, incoming) {
    const d = repo.migrations(deployed).filter(timestampOf);
    const h = repo.migrations(incoming).filter(timestampOf);
    const inD = new Set(d);
    const greatest = d.slice().sort(byteOrder).pop();
    const stampsOfD = new Set(d.map(timestampOf));
    return h
        .filter((name) => !inD.has(name))
        .filter((name) => (greatest !== undefined && byteOrder(name, greatest) < 0) ||
            stampsOfD.has(timestampOf(name)))
        .sort(byteOrder);
}

// ---------------------------------------------------------------- histories

// The trunk of `main`: the initial commit (with `migmerge.json`), then
// commits that add migrations among commits that touch only code. `legacy`
// starts with two legacy-named migrations, adds a same-timestamp pair and an
// archived migration that is deleted again, all long before the branch
// point; `reformat` reformats an old migration (whitespace and comments).
function trunk(repo, namer, {legacy = false, reformat = false} = {}) {
    const rng = repo.rng;
    repo.beginImport();
    const initial = [['migmerge.json', '{"base": "main"}\n'], ['src/app.js', '// app\n'],
        ['package.json', '{"name": "app", "private": true}\n']];
    const first = legacy ? [] : [namer.next()];
    if (legacy) {
        for (const name of ['00-init-model.js', '01-seed.js']) initial.push([`migrations/${name}`, migrationSource(name, rng)]);
    }
    repo.commit('initial commit', {migrations: first, files: initial});
    const commits = rng.int(6, 10);
    const archivedAt = 1, deletedAt = 3, reformatAt = Math.floor(commits / 2);
    const all = first.slice();
    let archived = null;
    for (let c = 0; c < commits; ++c) {
        if (rng.chance(0.3)) repo.codeCommit(`trunk-${c}`);
        if (reformat && c === reformatAt) {
            // a bulk style commit: code and the oldest migrations, whitespace and comments only
            const files = all.slice(0, rng.int(1, 3)).map((name) => `migrations/${name}`);
            files.push('src/app.js');
            repo.commit('style: reformat with the new lint rules',
                {files: files.map((rel) => [rel, reformatted(repo.read(rel))])});
        }
        const added = Array.from({length: rng.int(1, 4)}, () => namer.next());
        if (legacy && c === archivedAt) {
            archived = namer.next().replace(/-([^-]*)\.js$/, '-archived-$1.js');
            added.push(archived);
            const pairFirst = namer.next();
            added.push(pairFirst, namer.sameStampAs(pairFirst));
        }
        const remove = legacy && c === deletedAt ? [`migrations/${archived}`] : [];
        all.push(...added);
        repo.commit(`trunk ${c}: ${added.length} migrations`, {migrations: added, remove});
    }
    // a few code-only commits between the trunk's last migration and the branch point
    for (let c = rng.int(1, 3); c > 0; --c) repo.codeCommit(`before-branch-${c}`);
    repo.endImport();
}

// Each scenario builds one repository and returns its judged change:
// pr {base, head} (refs: the deployed one first), merge {dir, parent: the
// merge's deployed parent number}.

function inOrder(repo, namer, options = {}) {
    trunk(repo, namer, options);
    repo.git('branch', 'feature');
    // main moves on, then the feature adds migrations after all of main's
    for (let i = repo.rng.int(0, 2); i > 0; --i) repo.commit('main: migration', {migrations: [namer.next()]});
    if (repo.rng.chance(0.5)) repo.codeCommit('main-code');
    repo.checkout('feature');
    const count = repo.rng.int(1, 3);
    for (let i = 0; i < count; ++i) repo.commit('feature: migration', {migrations: [namer.next()]});
    repo.checkout('main');
    return {pr: {base: 'main', head: 'feature'}, mergeInto: 'main', mergeOf: 'feature'};
}

// The feature's X and main's Y are written at the same time; at least one Y
// is dated after every X. Sometimes an X takes a Y's timestamp.
function diverge(repo, namer) {
    const rng = repo.rng;
    repo.git('branch', 'feature');
    const inWindow = namer.window(rng.int(3, 20));
    const xs = Array.from({length: rng.int(1, 3)}, inWindow).sort(byteOrder);
    const ys = Array.from({length: rng.int(0, 2)}, inWindow);
    ys.push(namer.next());
    if (rng.chance(0.25)) xs.push(namer.sameStampAs(rng.pick(ys)));
    for (const y of ys.sort(byteOrder)) repo.commit('main: migration', {migrations: [y]});
    repo.checkout('feature');
    for (const x of xs) {
        if (rng.chance(0.3)) repo.codeCommit('feature-code');
        repo.commit('feature: migration', {migrations: [x]});
    }
    return {xs, ys};
}

// After catching up, the feature sometimes adds one more migration, in order.
function maybeOneMore(repo, namer) {
    if (repo.rng.chance(0.5)) repo.commit('feature: migration after catching up', {migrations: [namer.next()]});
}

function catchUp(repo, namer) {
    trunk(repo, namer);
    diverge(repo, namer);
    repo.git('merge', '-q', '--no-ff', '--no-edit', '-m', "Merge branch 'main' into feature", 'main');
    const catchUpMerge = repo.sha('HEAD');
    maybeOneMore(repo, namer);
    repo.checkout('main');
    // the merge judged is the catch-up merge itself: parent 1 the feature, 2 main
    return {pr: {base: 'main', head: 'feature'}, mergeCommit: catchUpMerge, deployedParent: 2};
}

function rebased(repo, namer) {
    trunk(repo, namer);
    diverge(repo, namer);
    repo.git('rebase', '-q', 'main');
    maybeOneMore(repo, namer);
    repo.checkout('main');
    return {pr: {base: 'main', head: 'feature'}, mergeInto: 'main', mergeOf: 'feature'};
}

// Another branch (`other`) is squash-merged into main while the pull request
// (`pr`) is open; half the time the pull request is stacked on `other`, so it
// carries `other`'s original commits, which main now has under a new commit.
function squashPr(repo, namer) {
    const rng = repo.rng;
    trunk(repo, namer);
    const inWindow = namer.window(rng.int(3, 20));
    repo.checkout('-b', 'other');
    const zs = Array.from({length: rng.int(1, 2)}, inWindow).sort(byteOrder);
    for (const z of zs) repo.commit('other: migration', {migrations: [z]});
    repo.codeCommit('other-code');
    const stacked = rng.chance(0.5);
    repo.checkout('-b', 'pr', stacked ? 'other' : 'main');
    const ps = Array.from({length: rng.int(1, 3)}, inWindow).sort(byteOrder);
    for (const p of ps) repo.commit('pr: migration', {migrations: [p]});
    repo.checkout('main');
    repo.git('merge', '-q', '--squash', 'other');
    repo.git('commit', '-q', '-m', `Other feature (#${rng.int(10, 999)})`);
    if (rng.chance(0.5)) repo.codeCommit('main-after-squash');
    return {pr: {base: 'main', head: 'pr'}, mergeInto: 'main', mergeOf: 'pr', stacked};
}

const BUILDERS = {
    'in-order': (repo, namer) => inOrder(repo, namer),
    'catch-up': catchUp,
    'rebased': rebased,
    'squash-pr': squashPr,
    'legacy': (repo, namer) => inOrder(repo, namer, {legacy: true}),
    'reformat': (repo, namer) => inOrder(repo, namer, {reformat: true}),
};

// ---------------------------------------------------------------------- main

function build(out, scenario, index, seed) {
    const id = `${scenario}-${index}`;
    // one stream per repository, so that a scenario's repositories do not
    // depend on which other scenarios run
    const rng = new Rng(seed * 1000003 + SCENARIOS.indexOf(scenario) * 10007 + index);
    const dir = path.join(out, id);
    const repo = new Repo(dir, rng);
    const namer = new Namer(rng);
    const change = BUILDERS[scenario](repo, namer);

    const [deployed, incoming] = repo.shas(change.pr.base, change.pr.head);
    const pr = {
        mode: 'pr', dir, base: change.pr.base, head: change.pr.head, deployed: change.pr.base,
        D: deployed, H: incoming, mergeBase: repo.git('merge-base', deployed, incoming),
        truth: oracle(repo, deployed, incoming), deployedFiles: repo.migrations(deployed),
    };

    const mergeDir = path.join(out, `${id}.merge`);
    let merge, parent;
    if (change.mergeCommit) {
        merge = repo.worktree(mergeDir, change.mergeCommit);
        parent = change.deployedParent;
    } else {
        merge = repo.worktree(mergeDir, change.mergeInto, change.mergeOf);
        parent = 1;
    }
    const [D, H] = repo.shas(`${merge}^${parent}`, `${merge}^${3 - parent}`);
    const mergeChange = {
        mode: 'merge', dir: mergeDir, merge, deployed: `HEAD^${parent}`, D, H,
        mergeBase: repo.git('merge-base', D, H), truth: oracle(repo, D, H),
        deployedFiles: repo.migrations(D),
    };
    return {id, scenario, stacked: change.stacked, changes: [pr, mergeChange]};
}

function main() {
    const [out, seedText, countText, only] = process.argv.slice(2);
    const seed = Number(seedText), count = Number(countText);
    if (!out || !Number.isInteger(seed) || !Number.isInteger(count) || count < 1) {
        console.error('usage: node split_history.js OUT_DIR SEED COUNT [SCENARIO,...]');
        process.exit(2);
    }
    const scenarios = only ? only.split(',') : SCENARIOS;
    for (const s of scenarios) {
        if (!BUILDERS[s]) {
            console.error(`split_history: unknown scenario '${s}' (known: ${SCENARIOS.join(', ')})`);
            process.exit(2);
        }
    }
    fs.mkdirSync(out, {recursive: true});
    const repos = [];
    for (const scenario of scenarios) {
        for (let i = 1; i <= count; ++i) repos.push(build(out, scenario, i, seed));
    }
    fs.writeFileSync(path.join(out, 'manifest.json'), JSON.stringify({seed, count, scenarios, repos}, null, 1));
    const runs = [];
    for (const r of repos) {
        for (const c of r.changes) runs.push([r.id, c.mode, c.dir, c.base || '', c.head || ''].join('\t'));
    }
    fs.writeFileSync(path.join(out, 'runs.tsv'), runs.join('\n') + '\n');
}

module.exports = {oracle, stamp, Rng};

if (require.main === module) {
    try {
        main();
    } catch (e) {
        console.error(`split_history: ${e.message}`);
        process.exit(1);
    }
}
