#!/usr/bin/env node
// Scores bench/recall's `migmerge check` outputs against the truth that
// bench/gen/split_history.js recorded, and prints the table.
//
//   node recall_report.js WORK_DIR [--markdown FILE] [--verbose]
//
// WORK_DIR holds manifest.json and out/<id>.<mode>.json. Per change:
// found = truth files named by an error-severity `out-of-order` or
// `same-timestamp` finding; missed = truth files no such finding names;
// noise = error-severity findings (any code) that name no truth file;
// deployed renamed = renames of the JSON's `renames` whose `from` is a file
// the deployed side D has (a plan that would rename what databases ran).
// Keys of the JSON it does not know are ignored; a `deployed` key, where a
// binary has one, is shown with --verbose.
'use strict';
const fs = require('fs');
const path = require('path');

const SPLIT_CODES = new Set(['out-of-order', 'same-timestamp']);

function parseArgs(argv) {
    const args = {work: null, markdown: null, verbose: false};
    for (let i = 0; i < argv.length; ++i) {
        if (argv[i] === '--markdown') args.markdown = argv[++i];
        else if (argv[i] === '--verbose') args.verbose = true;
        else args.work = argv[i];
    }
    if (!args.work) {
        console.error('usage: node recall_report.js WORK_DIR [--markdown FILE] [--verbose]');
        process.exit(2);
    }
    return args;
}

function readOutput(file) {
    let doc;
    try {
        doc = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (e) {
        throw new Error(`${file}: not a JSON document from migmerge (${e.message})`);
    }
    if (!doc || !Array.isArray(doc.findings)) throw new Error(`${file}: no "findings" array`);
    return doc;
}

function score(change, doc) {
    const truth = new Set(change.truth);
    const errors = doc.findings.filter((f) => f.severity === 'error');
    const named = new Set();
    const noise = [];
    for (const f of errors) {
        const files = Array.isArray(f.files) ? f.files : [];
        const truthFiles = files.filter((name) => truth.has(name));
        if (truthFiles.length === 0) noise.push(f);
        else if (SPLIT_CODES.has(f.code)) truthFiles.forEach((name) => named.add(name));
    }
    const missed = change.truth.filter((name) => !named.has(name));
    const deployed = new Set(change.deployedFiles);
    const renames = Array.isArray(doc.renames) ? doc.renames : [];
    const deployedRenamed = renames.filter((r) => r && deployed.has(r.from)).map((r) => r.from);
    return {truth: truth.size, found: named.size, missed, noise, deployedRenamed};
}

function describeDeployed(doc) {
    if (!Object.prototype.hasOwnProperty.call(doc, 'deployed')) return null;
    return JSON.stringify(doc.deployed);
}

function emptyRow(scenario, mode) {
    return {scenario, mode, changes: 0, truth: 0, found: 0, missed: 0, noise: 0, noisy: 0,
        deployedRenamed: 0, codes: new Map()};
}

function add(row, s) {
    row.changes += 1;
    row.truth += s.truth;
    row.found += s.found;
    row.missed += s.missed.length;
    row.noise += s.noise.length;
    if (s.noise.length) row.noisy += 1;
    row.deployedRenamed += s.deployedRenamed.length;
    for (const f of s.noise) row.codes.set(f.code, (row.codes.get(f.code) || 0) + 1);
}

function cells(row) {
    const recall = row.truth ? `${(100 * row.found / row.truth).toFixed(1)}%` : '-';
    const codes = [...row.codes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .map(([code, n]) => `${code} ${n}`).join(', ') || '-';
    return [row.scenario, row.mode, row.changes, row.truth, row.found, row.missed, recall,
        row.noise, row.noisy, codes, row.deployedRenamed].map(String);
}

const HEADER = ['scenario', 'mode', 'changes', 'truth files', 'found', 'missed', 'recall',
    'noise findings', 'changes with noise', 'noise by code', 'deployed renamed'];
const NUMERIC = [false, false, true, true, true, true, true, true, true, false, true];

function textTable(rows) {
    const widths = HEADER.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (r) => r.map((c, i) => (NUMERIC[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
    return [line(HEADER), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function markdownTable(rows) {
    const line = (r) => `| ${r.join(' | ')} |`;
    return [line(HEADER), line(NUMERIC.map((n) => (n ? '---:' : '---'))), ...rows.map(line)].join('\n');
}

function main() {
    const args = parseArgs(process.argv.slice(2));
    const manifest = JSON.parse(fs.readFileSync(path.join(args.work, 'manifest.json'), 'utf8'));
    const modes = ['pr', 'merge'];
    const rows = new Map();
    const totals = new Map(modes.map((m) => [m, emptyRow('total', m)]));
    for (const repo of manifest.repos) {
        for (const change of repo.changes) {
            const doc = readOutput(path.join(args.work, 'out', `${repo.id}.${change.mode}.json`));
            const s = score(change, doc);
            const key = `${repo.scenario}\t${change.mode}`;
            if (!rows.has(key)) rows.set(key, emptyRow(repo.scenario, change.mode));
            add(rows.get(key), s);
            add(totals.get(change.mode), s);
            if (args.verbose) {
                const deployed = describeDeployed(doc);
                const ours = change.mode === 'pr' ? `--base ${change.base} --head ${change.head}` : `merge ${change.merge.slice(0, 10)}`;
                console.log(`${repo.id} ${change.mode} (${ours}; deployed is ${change.deployed}${repo.stacked ? '; stacked on other' : ''}):` +
                    ` truth ${s.truth}, found ${s.found}, missed ${s.missed.length}, noise ${s.noise.length},` +
                    ` deployed renamed ${s.deployedRenamed.length}` +
                    (deployed === null ? '' : `; binary's deployed: ${deployed}`));
                for (const name of s.missed) console.log(`    missed: ${name}`);
                for (const f of s.noise) console.log(`    noise: ${f.code} ${(f.files || []).join(', ')}`);
                for (const name of s.deployedRenamed) console.log(`    renames deployed: ${name}`);
            }
        }
    }
    if (args.verbose) console.log();
    const ordered = [];
    for (const scenario of manifest.scenarios) {
        for (const mode of modes) {
            const row = rows.get(`${scenario}\t${mode}`);
            if (row) ordered.push(cells(row));
        }
    }
    for (const mode of modes) ordered.push(cells(totals.get(mode)));
    console.log(textTable(ordered));
    if (args.markdown) fs.writeFileSync(args.markdown, markdownTable(ordered) + '\n');
}

try {
    main();
} catch (e) {
    console.error(`recall: ${e.message}`);
    process.exit(1);
}
