// bench/run's result lines (see `record` in lib/measure.sh), parsed once for
// the table and the chart. A target reads "ratio>=N" (the peer takes at least
// N times as long as migmerge) or "ms<N" (migmerge alone, in milliseconds).
'use strict';

function number(text) {
    return text === undefined || text === '-' || text === '' ? null : Number(text);
}

function parseLine(line) {
    const [group, what, migrations, ours, peer, peerMs, target, peakKb, peerPeakKb] =
        line.split('\t');
    const row = {group, what, migrations: number(migrations), ours: number(ours),
        peer: peer === '-' ? '' : peer, peerMs: number(peerMs), target, peakKb: number(peakKb),
        peerPeakKb: number(peerPeakKb)};
    row.ratio = row.peerMs !== null && row.ours ? row.peerMs / row.ours : null;
    return row;
}

function read(text) {
    return text.split('\n').filter((line) => line.trim()).map(parseLine);
}

function describeTarget(target) {
    const [, kind, limit] = /^(ratio>=|ms<)([\d.]+)$/.exec(target || '') || [];
    if (kind === 'ratio>=') return `>= ${limit}x`;
    if (kind === 'ms<') return `< ${Number(limit).toLocaleString('en-US')} ms`;
    return '-';
}

function targetMet(row) {
    const [, kind, limit] = /^(ratio>=|ms<)([\d.]+)$/.exec(row.target || '') || [];
    if (kind === 'ratio>=' && row.ratio !== null) return row.ratio >= Number(limit) ? 'yes' : 'NO';
    if (kind === 'ms<' && row.ours !== null) return row.ours < Number(limit) ? 'yes' : 'NO';
    return '-';
}

module.exports = {read, describeTarget, targetMet};
