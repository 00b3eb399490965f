#!/usr/bin/env node
// Prints bench/run's results (a TSV file) as a table with ratios and whether
// each target is met; --markdown prints the same table for docs/benchmarks.md.
//
//   node report.js RESULTS.tsv [--markdown]
'use strict';
const fs = require('fs');
const results = require('./results');

const HEADERS = ['what', 'migrations', 'migmerge', 'peer', 'peer time', 'ratio', 'target',
    'met', 'peak RSS', 'peer peak RSS'];

function milliseconds(value) {
    return value === null ? '-' : `${value.toLocaleString('en-US', {minimumFractionDigits: 1})} ms`;
}

function kilobytes(value) {
    return value === null ? '-' : `${(value / 1024).toFixed(1)} MiB`;
}

function cells(row) {
    const count = row.migrations === null ? '-' : row.migrations.toLocaleString('en-US');
    return [row.what, count, milliseconds(row.ours),
        row.peer || '-', milliseconds(row.peerMs),
        row.ratio === null ? '-' : `${row.ratio.toFixed(1)}x`,
        results.describeTarget(row.target), results.targetMet(row), kilobytes(row.peakKb),
        kilobytes(row.peerPeakKb)];
}

function textTable(rows) {
    const table = [HEADERS, ...rows.map(cells)];
    const widths = HEADERS.map((_, c) => Math.max(...table.map((line) => line[c].length)));
    const right = new Set([1, 2, 4, 5, 8, 9]);
    return table.map((line) => line.map((cell, c) =>
        right.has(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c])).join('  ').trimEnd())
        .join('\n');
}

function markdownTable(rows) {
    const align = HEADERS.map((_, c) => ([1, 2, 4, 5, 8, 9].includes(c) ? '---:' : '---'));
    return [HEADERS, align, ...rows.map(cells)].map((line) => `| ${line.join(' | ')} |`)
        .join('\n');
}

function main() {
    const [file, mode] = process.argv.slice(2);
    if (!file) throw new Error('usage: report.js RESULTS.tsv [--markdown]');
    const rows = results.read(fs.readFileSync(file, 'utf8'));
    console.log(mode === '--markdown' ? markdownTable(rows) : textTable(rows));
}

main();
