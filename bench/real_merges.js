#!/usr/bin/env node
// Recall and noise of `migmerge check` on a real project's history: every
// first-parent merge of BRANCH that changed the migrations folder, checked
// as CI checks a pull request (`check --base M^1 --head M^2`), against an
// oracle from git alone. Not committed with any project: point it at a clone.
//
//   node bench/real_merges.js REPO [--branch main] [--folder migrations] [--limit N]
//   MIGMERGE=PATH selects the binary (default build/migmerge)
//
// Truth files of a merge: migrations (14 digits, a dash, a name sequelize-cli
// runs) that M^2 added since the merge base, that M^1 lacks, and that sort
// before M^1's greatest such name or share its 14 digits with one of M^1's.
// found: truth files named by an error-level out-of-order or same-timestamp
// finding; noise: error findings that name no truth file, by code. Those are
// not all wrong: a pull request that adds an impossible timestamp, or edits
// or deletes deployed migrations, is an error by the rules; --verbose lists
// them with the merge's subject so they can be read.
'use strict';
const { execFileSync, spawnSync } = require('child_process');
const path = require('path');

function parseArgs(argv) {
    const options = { branch: 'main', folder: 'migrations', limit: Infinity, verbose: false };
    const rest = [];
    for (let i = 0; i < argv.length; i++) {
        const flag = argv[i];
        if (flag === '--branch') options.branch = argv[++i];
        else if (flag === '--folder') options.folder = argv[++i];
        else if (flag === '--limit') options.limit = Number(argv[++i]);
        else if (flag === '--verbose') options.verbose = true;
        else rest.push(flag);
    }
    if (rest.length !== 1) {
        console.error('usage: node bench/real_merges.js REPO [--branch B] [--folder F] [--limit N]');
        process.exit(2);
    }
    options.repo = rest[0];
    return options;
}

const git = (repo, ...args) =>
    execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });

const timestamped = /^\d{14}-.+\.(js|cjs|ts|cts)$/;

function namesAt(repo, rev, folder) {
    const out = spawnSync('git', ['-C', repo, 'ls-tree', '--name-only', `${rev}:${folder}`], {
        encoding: 'utf8',
        maxBuffer: 1 << 26,
    });
    return out.status === 0 ? new Set(out.stdout.split('\n').filter(Boolean)) : null;
}

function truthOf(repo, folder, base, head) {
    const deployed = namesAt(repo, base, folder);
    const incoming = namesAt(repo, head, folder);
    if (!deployed || !incoming || deployed.size === 0) return null;
    if (deployed.size === incoming.size && [...deployed].every((n) => incoming.has(n))) return null;
    const mergeBase = namesAt(repo, git(repo, 'merge-base', base, head).trim(), folder) || new Set();
    const ordered = [...deployed].filter((n) => timestamped.test(n)).sort();
    if (ordered.length === 0) return null;
    const greatest = ordered[ordered.length - 1];
    const stamps = new Set(ordered.map((n) => n.slice(0, 14)));
    const added = [...incoming].filter((n) => !deployed.has(n) && !mergeBase.has(n));
    return new Set(
        added.filter((n) => timestamped.test(n) && (n < greatest || stamps.has(n.slice(0, 14)))),
    );
}

function check(binary, options, base, head) {
    const args = ['-C', options.repo, '--format', 'json', '--no-color'];
    args.push('--migrations-path', options.folder, 'check', '--base', base, '--head', head);
    const run = spawnSync(binary, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (run.status !== 0 && run.status !== 1) {
        throw new Error(`check ${base} ${head} exited ${run.status}: ${run.stderr.trim()}`);
    }
    return JSON.parse(run.stdout);
}

function score(document, truth, totals) {
    const errors = document.findings.filter((f) => f.severity === 'error');
    const found = new Set();
    for (const f of errors) {
        if (f.code === 'out-of-order') found.add(f.files[0]);
        if (f.code === 'same-timestamp') f.files.forEach((n) => found.add(n));
    }
    const noise = errors.filter((f) => !f.files.some((n) => truth.has(n)));
    totals.truth += truth.size;
    totals.found += [...truth].filter((n) => found.has(n)).length;
    totals.noise += noise.length;
    totals.noisy += noise.length > 0 ? 1 : 0;
    totals.notes += (document.preexisting || []).length;
    for (const f of noise) totals.byCode[f.code] = (totals.byCode[f.code] || 0) + 1;
    return { missed: [...truth].filter((n) => !found.has(n)), noise };
}

function main() {
    const options = parseArgs(process.argv.slice(2));
    const binary = process.env.MIGMERGE || path.join(__dirname, '..', 'build', 'migmerge');
    const merges = git(options.repo, 'log', '--merges', '--first-parent', options.branch,
        '--format=%H %P %s').split('\n').filter(Boolean);
    const totals = { merges: 0, truth: 0, found: 0, noise: 0, noisy: 0, notes: 0, byCode: {} };
    for (const line of merges) {
        if (totals.merges >= options.limit) break;
        const [merge, base, head, ...subject] = line.split(' ');
        const truth = truthOf(options.repo, options.folder, base, head);
        if (!truth) continue;
        const result = score(check(binary, options, base, head), truth, totals);
        totals.merges++;
        if (options.verbose && (result.missed.length || result.noise.length)) {
            const codes = result.noise.map((f) => f.code).join(',');
            console.log(`${merge.slice(0, 10)} ${subject.join(' ').slice(0, 60)}: ` +
                `missed ${result.missed.join(' ') || '-'}; errors ${codes || '-'}`);
        }
    }
    const recall = totals.truth ? ((100 * totals.found) / totals.truth).toFixed(1) + '%' : '-';
    console.log(`${execFileSync(binary, ['--version'], { encoding: 'utf8' }).split('\n')[0]}, ` +
        `${options.repo}, ${totals.merges} merges that changed ${options.folder}/`);
    console.log(`truth files ${totals.truth}, found ${totals.found} (recall ${recall}), ` +
        `error findings naming none ${totals.noise} in ${totals.noisy} merges ` +
        `${JSON.stringify(totals.byCode)}, pre-existing notes ${totals.notes}`);
}

main();
