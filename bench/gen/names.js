// Migration names and sources shared by the generators: Sequelize's
// YYYYMMDDHHMMSS-description.js, one hour apart, from 2015-01-01 UTC, so that
// every size stays in the past (no future-timestamp findings).
'use strict';

const EPOCH_SECONDS = Date.UTC(2015, 0, 1) / 1000;
const STEP_SECONDS = 3600;

function timestamp(seconds) {
    return new Date(seconds * 1000).toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

function nameAt(index, description) {
    const seconds = EPOCH_SECONDS + index * STEP_SECONDS;
    return `${timestamp(seconds)}-${description}-${index}.js`;
}

// `count` names in order, the i-th at hour i.
function sequence(count, description) {
    return Array.from({length: count}, (_, i) => nameAt(i, description));
}

// What two branches add after `trunkCount` trunk migrations: production on
// even hours; staging on odd hours in between (split history), except every
// tenth, which takes production's hour (a same-timestamp collision).
function divergedSides(trunkCount, perSide) {
    const production = [], staging = [];
    for (let k = 0; k < perSide; ++k) {
        const even = trunkCount + 2 * k;
        production.push(nameAt(even, 'production-change'));
        const hour = k % 10 === 9 ? even : even + 1;
        staging.push(`${timestamp(EPOCH_SECONDS + hour * STEP_SECONDS)}-staging-change-${k}.js`);
    }
    return {production, staging};
}

// A trivial migration: one round trip up, nothing down. The name makes each
// file's content (and so its blob) unique, as real migrations are.
function migrationSource(name) {
    return `'use strict';
// ${name}
module.exports = {
  async up(queryInterface) {
    await queryInterface.sequelize.query('SELECT 1');
  },
  async down() {},
};
`;
}

module.exports = {EPOCH_SECONDS, timestamp, sequence, divergedSides, migrationSource};
