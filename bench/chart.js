#!/usr/bin/env node
// Draws bench/run's results as an SVG line chart (no dependencies): median
// time against the number of migrations, log-log, for migmerge and its peers.
//
//   node chart.js RESULTS.tsv OUT.svg
'use strict';
const fs = require('fs');
const results = require('./results');

const WIDTH = 880, HEIGHT = 460;
const PLOT = {left: 70, right: 300, top: 40, bottom: 60};
const SERIES = [
    {group: 'check', side: 'ours', label: 'migmerge check', color: '#1f77b4', dash: ''},
    {group: 'check', side: 'peer', label: 'git merge-base + 3 ls-tree', color: '#1f77b4', dash: '6 4'},
    {group: 'status', side: 'ours', label: 'migmerge status', color: '#d62728', dash: ''},
    {group: 'status', side: 'peer', label: 'sequelize-cli db:migrate:status', color: '#d62728',
        dash: '6 4'},
    {group: 'migrate-none', side: 'ours', label: 'migmerge migrate (none pending)',
        color: '#2ca02c', dash: ''},
    {group: 'migrate-none', side: 'peer', label: 'sequelize-cli db:migrate (none pending)',
        color: '#2ca02c', dash: '6 4'},
];

function points(rows, series) {
    return rows.filter((row) => row.group === series.group)
        .map((row) => ({x: row.migrations, y: series.side === 'ours' ? row.ours : row.peerMs}))
        .filter((p) => p.y > 0).sort((a, b) => a.x - b.x);
}

// A log10 axis over whole decades that hold every value.
function logScale(values, from, to) {
    const low = Math.floor(Math.log10(Math.min(...values)));
    const high = Math.max(low + 1, Math.ceil(Math.log10(Math.max(...values))));
    const at = (v) => from + ((Math.log10(v) - low) / (high - low)) * (to - from);
    const decades = Array.from({length: high - low + 1}, (_, i) => 10 ** (low + i));
    return {at, decades};
}

function label(value, unit) {
    if (unit === 'ms' && value >= 1000) return `${value / 1000} s`;
    return `${value.toLocaleString('en-US')}${unit ? ' ' + unit : ''}`;
}

function axes(x, y) {
    const bottom = HEIGHT - PLOT.bottom, right = WIDTH - PLOT.right;
    const parts = [];
    for (const v of x.decades) {
        const px = x.at(v).toFixed(1);
        parts.push(`<line x1="${px}" y1="${PLOT.top}" x2="${px}" y2="${bottom}" class="grid"/>`,
            `<text x="${px}" y="${bottom + 18}" text-anchor="middle">${label(v, '')}</text>`);
    }
    for (const v of y.decades) {
        const py = y.at(v).toFixed(1);
        parts.push(`<line x1="${PLOT.left}" y1="${py}" x2="${right}" y2="${py}" class="grid"/>`,
            `<text x="${PLOT.left - 6}" y="${py}" dy="4" text-anchor="end">${label(v, 'ms')}</text>`);
    }
    parts.push(`<text x="${(PLOT.left + right) / 2}" y="${HEIGHT - 18}" text-anchor="middle">` +
        'migrations (log scale)</text>',
        `<text transform="translate(16 ${(PLOT.top + bottom) / 2}) rotate(-90)" ` +
        'text-anchor="middle">median wall time (log scale)</text>');
    return parts.join('\n');
}

function line(series, data, x, y, index) {
    const path = data.map((p) => `${x.at(p.x).toFixed(1)},${y.at(p.y).toFixed(1)}`).join(' ');
    const dots = data.map((p) => `<circle cx="${x.at(p.x).toFixed(1)}" cy="${y.at(p.y).toFixed(1)}" ` +
        `r="3" fill="${series.color}"/>`).join('');
    const ly = PLOT.top + 10 + index * 22, lx = WIDTH - PLOT.right + 16;
    return `<polyline points="${path}" fill="none" stroke="${series.color}" stroke-width="2" ` +
        `stroke-dasharray="${series.dash}"/>${dots}\n` +
        `<line x1="${lx}" y1="${ly}" x2="${lx + 26}" y2="${ly}" stroke="${series.color}" ` +
        `stroke-width="2" stroke-dasharray="${series.dash}"/>` +
        `<text x="${lx + 32}" y="${ly}" dy="4">${series.label}</text>`;
}

function svg(rows) {
    const drawn = SERIES.map((s) => ({series: s, data: points(rows, s)}))
        .filter((d) => d.data.length);
    if (!drawn.length) throw new Error('no check/status results to draw');
    const all = drawn.flatMap((d) => d.data);
    const x = logScale(all.map((p) => p.x), PLOT.left, WIDTH - PLOT.right);
    const y = logScale(all.map((p) => p.y), HEIGHT - PLOT.bottom, PLOT.top);
    const lines = drawn.map((d, i) => line(d.series, d.data, x, y, i)).join('\n');
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" ` +
        `viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">
<style>.grid { stroke: #ddd; } text { fill: #222; }</style>
<rect width="100%" height="100%" fill="white"/>
<text x="${PLOT.left}" y="22" font-size="15" font-weight="bold">` +
        `migmerge and its peers: time against the number of migrations</text>
${axes(x, y)}
${lines}
</svg>
`;
}

function main() {
    const [file, out] = process.argv.slice(2);
    if (!file || !out) throw new Error('usage: chart.js RESULTS.tsv OUT.svg');
    fs.writeFileSync(out, svg(results.read(fs.readFileSync(file, 'utf8'))));
}

main();
