#!/usr/bin/env node
// Writes OUT_DIR/migrations/ with COUNT migrations of the kind real teams
// write with Sequelize's queryInterface, for the e2e verify tests
// (tests/e2e/verify_test.cpp) and bench/verify: every `down` the exact
// inverse of its `up`, so `migmerge verify --checks replay,reversible` must
// report nothing. Deterministic from SEED (a mulberry32 PRNG).
//
//   node verify_project.js OUT_DIR [COUNT=300] [SEED=1]
//
// The mix (the first migration is always a createTable; a kind that has
// nothing to act on yet falls back to addColumn, then to createTable):
//   ~25% createTable   id, 2-5 typed columns, timestamps; some with a foreign
//                      key `references` to an earlier table, some with an
//                      ENUM column (down also drops the enum type, which
//                      dropTable leaves behind when no model is defined)
//   ~30% addColumn     to an earlier table (NOT NULL ones with a default)
//   ~15% addIndex      explicit names, some unique, some on two columns
//   ~10% changeColumn  STRING(100) -> STRING(255); down restores STRING(100)
//   ~10% bulkInsert    a few seed rows (explicit ids, fixed dates, so that
//                      running it again inserts the same rows); down:
//                      bulkDelete of exactly those ids
//   ~5%  renameColumn  later migrations use the new name
//   ~5%  raw SQL       CREATE OR REPLACE VIEW / FUNCTION, DROP on down
// A column a view or function reads is never changed or renamed afterwards,
// and nothing later migrations rely on is ever removed by an `up`.
'use strict';
const fs = require('fs');
const path = require('path');

function mulberry32(seed) {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

// [plural table, singular], as `sequelize-cli model:generate` names them.
const TABLES = [
    ['Users', 'user'], ['Organizations', 'organization'], ['Projects', 'project'],
    ['Tasks', 'task'], ['Comments', 'comment'], ['Tags', 'tag'], ['Invoices', 'invoice'],
    ['Payments', 'payment'], ['Products', 'product'], ['Orders', 'order'],
    ['OrderItems', 'orderItem'], ['Categories', 'category'], ['Customers', 'customer'],
    ['Addresses', 'address'], ['Suppliers', 'supplier'], ['Warehouses', 'warehouse'],
    ['Shipments', 'shipment'], ['Carriers', 'carrier'], ['Coupons', 'coupon'],
    ['Subscriptions', 'subscription'], ['Plans', 'plan'], ['Teams', 'team'],
    ['Memberships', 'membership'], ['Roles', 'role'], ['Permissions', 'permission'],
    ['Sessions', 'session'], ['ApiKeys', 'apiKey'], ['Webhooks', 'webhook'],
    ['Events', 'event'], ['Notifications', 'notification'], ['Messages', 'message'],
    ['Conversations', 'conversation'], ['Attachments', 'attachment'], ['Documents', 'document'],
    ['Folders', 'folder'], ['Reports', 'report'], ['Dashboards', 'dashboard'],
    ['Widgets', 'widget'], ['AuditLogs', 'auditLog'], ['Settings', 'setting'],
    ['Countries', 'country'], ['Regions', 'region'], ['Currencies', 'currency'],
    ['ExchangeRates', 'exchangeRate'], ['TaxRates', 'taxRate'], ['Refunds', 'refund'],
    ['Disputes', 'dispute'], ['Reviews', 'review'], ['Ratings', 'rating'],
    ['Wishlists', 'wishlist'], ['Carts', 'cart'], ['CartItems', 'cartItem'],
    ['Inventories', 'inventory'], ['StockMovements', 'stockMovement'], ['Vendors', 'vendor'],
    ['Contracts', 'contract'], ['Milestones', 'milestone'], ['Sprints', 'sprint'],
    ['Boards', 'board'], ['Columns', 'boardColumn'], ['Labels', 'label'],
    ['TimeEntries', 'timeEntry'], ['Expenses', 'expense'], ['Budgets', 'budget'],
    ['Departments', 'department'], ['Employees', 'employee'], ['Positions', 'position'],
    ['Candidates', 'candidate'], ['Interviews', 'interview'], ['Offers', 'offer'],
    ['Courses', 'course'], ['Lessons', 'lesson'], ['Enrollments', 'enrollment'],
    ['Quizzes', 'quiz'], ['Questions', 'question'], ['Answers', 'answer'],
    ['Articles', 'article'], ['Authors', 'author'], ['Publications', 'publication'],
    ['Campaigns', 'campaign'], ['Leads', 'lead'], ['Deals', 'deal'],
    ['Tickets', 'ticket'], ['Agents', 'agent'], ['Slas', 'sla'],
];

// Column names by type; a name a table already has is skipped.
const NAMES = {
    'STRING(100)': ['name', 'title', 'slug', 'code', 'label', 'reference', 'handle',
                    'externalId', 'firstName', 'lastName', 'city', 'phone', 'sku', 'locale'],
    'STRING(255)': ['email', 'url', 'avatarUrl', 'website', 'callbackUrl', 'displayName'],
    TEXT: ['description', 'notes', 'body', 'summary', 'bio', 'instructions'],
    INTEGER: ['position', 'quantity', 'priority', 'score', 'retries', 'sortOrder', 'version'],
    BOOLEAN: ['isActive', 'archived', 'verified', 'isPublic', 'featured', 'locked'],
    DATE: ['publishedAt', 'expiresAt', 'startedAt', 'completedAt', 'lastSeenAt', 'dueAt'],
    'DECIMAL(10,2)': ['amount', 'price', 'total', 'balance', 'discount', 'weight'],
    JSONB: ['metadata', 'settings', 'preferences', 'payload'],
};
const ENUMS = [
    ['status', ['pending', 'active', 'suspended', 'closed']],
    ['kind', ['standard', 'premium', 'internal']],
    ['visibility', ['private', 'team', 'public']],
    ['state', ['draft', 'review', 'published']],
];
const RENAMES = {
    name: 'fullName', title: 'headline', code: 'shortCode', label: 'caption',
    reference: 'externalRef', city: 'town', phone: 'phoneNumber', notes: 'remarks',
    description: 'details', body: 'content', summary: 'abstract', quantity: 'qty',
    priority: 'rank', isActive: 'enabled', locale: 'language', handle: 'username',
};

const FIXED_DATE = "new Date('2020-06-01T12:00:00.000Z')";

class Generator {
    constructor(seed) {
        this.random = mulberry32(seed);
        this.tables = [];        // {name, singular, columns: [column]}
        this.indexNames = new Set();
        this.rawNames = new Set();
        this.nextSeedId = 1000;
        this.seconds = Date.UTC(2019, 2, 4, 9, 12, 33) / 1000;
    }

    pick(list) {
        return list[Math.floor(this.random() * list.length)];
    }

    chance(p) {
        return this.random() < p;
    }

    // The next name: minutes to two days after the previous one.
    name(description) {
        this.seconds += 60 + Math.floor(this.random() * 2 * 86400);
        const stamp = new Date(this.seconds * 1000).toISOString().replace(/[-:T]/g, '').slice(0, 14);
        return `${stamp}-${description}.js`;
    }

    freshColumnName(table, type) {
        const taken = new Set(table.columns.map(c => c.name));
        const pool = NAMES[type].filter(n => !taken.has(n) && !Object.values(RENAMES).includes(n));
        if (pool.length) return this.pick(pool);
        for (let k = 2; ; ++k) {
            const candidate = `${NAMES[type][0]}${k}`;
            if (!taken.has(candidate)) return candidate;
        }
    }

    // A typed column: STRING(100) often, so that changeColumn has work.
    typedColumn(table, nullableOnly) {
        const type = this.pick(['STRING(100)', 'STRING(100)', 'STRING(100)', 'STRING(255)', 'TEXT',
                                'INTEGER', 'BOOLEAN', 'DATE', 'DECIMAL(10,2)', 'JSONB']);
        const column = {name: this.freshColumnName(table, type), type, allowNull: true};
        if (type === 'BOOLEAN' && this.chance(0.7)) {
            Object.assign(column, {allowNull: false, defaultValue: 'false'});
        } else if (type === 'INTEGER' && this.chance(0.5)) {
            Object.assign(column, {allowNull: false, defaultValue: '0'});
        } else if (!nullableOnly && type === 'STRING(100)' && this.chance(0.3)) {
            column.allowNull = false;
        }
        return column;
    }

    createTable() {
        const [name, singular] = TABLES[this.tables.length] ||
            [`Records${this.tables.length}`, `record${this.tables.length}`];
        const table = {name, singular, columns: []};
        const count = 2 + Math.floor(this.random() * 4);
        for (let k = 0; k < count; ++k) table.columns.push(this.typedColumn(table, false));
        if (this.chance(0.25)) {
            const [enumName, values] = this.pick(ENUMS);
            if (!table.columns.some(c => c.name === enumName)) {
                table.columns.push({name: enumName, type: 'ENUM', values, allowNull: false,
                                    defaultValue: `'${values[0]}'`});
            }
        }
        if (this.tables.length && this.chance(0.45)) {
            const parent = this.pick(this.tables);
            table.columns.push({name: `${parent.singular}Id`, type: 'INTEGER', allowNull: true,
                                references: parent.name, frozen: true});
        }
        const enums = table.columns.filter(c => c.type === 'ENUM');
        const up = [`    await queryInterface.createTable('${name}', {`,
                    "      id: {\n        allowNull: false,\n        autoIncrement: true,\n" +
                    '        primaryKey: true,\n        type: Sequelize.INTEGER,\n      },'];
        for (const column of table.columns) up.push(`      ${column.name}: ${definition(column, 6)},`);
        up.push("      createdAt: {\n        allowNull: false,\n        type: Sequelize.DATE,\n      },");
        up.push("      updatedAt: {\n        allowNull: false,\n        type: Sequelize.DATE,\n      },");
        up.push('    });');
        const down = [`    await queryInterface.dropTable('${name}');`];
        for (const column of enums) {
            down.push(`    await queryInterface.sequelize.query('DROP TYPE IF EXISTS "enum_${name}_${column.name}";');`);
        }
        table.columns.push({name: 'createdAt', type: 'DATE', allowNull: false, frozen: true},
                           {name: 'updatedAt', type: 'DATE', allowNull: false, frozen: true});
        this.tables.push(table);
        return {description: `create-${kebab(name)}`, up, down};
    }

    addColumn() {
        const table = this.pick(this.tables);
        let column;
        if (this.tables.length > 1 && this.chance(0.15)) {
            const parent = this.pick(this.tables.filter(t => t !== table));
            if (!table.columns.some(c => c.name === `${parent.singular}Id`)) {
                column = {name: `${parent.singular}Id`, type: 'INTEGER', allowNull: true,
                          references: parent.name, frozen: true};
            }
        }
        // A NOT NULL column needs a default: the table may have rows.
        column = column || this.typedColumn(table, true);
        table.columns.push(column);
        return {
            description: `add-${kebab(column.name)}-to-${kebab(table.name)}`,
            up: [`    await queryInterface.addColumn('${table.name}', '${column.name}', ${definition(column, 4)});`],
            down: [`    await queryInterface.removeColumn('${table.name}', '${column.name}');`],
        };
    }

    addIndex() {
        const table = this.pick(this.tables);
        const indexable = table.columns.filter(c => c.type !== 'JSONB' && c.type !== 'TEXT');
        const first = this.pick(indexable);
        const columns = [first.name];
        if (this.chance(0.25)) {
            const second = this.pick(indexable.filter(c => c !== first));
            if (second) columns.push(second.name);
        }
        // Seed values of string columns are unique; nulls never collide.
        const unique = columns.length === 1 && first.type.startsWith('STRING') && !first.defaultValue &&
            this.chance(0.4);
        let name = `${snake(table.name)}_${columns.map(snake).join('_')}${unique ? '_unique' : '_idx'}`;
        for (let k = 2; this.indexNames.has(name); ++k) name = name.replace(/(_\d+)?$/, `_${k}`);
        this.indexNames.add(name);
        const options = [`name: '${name}'`];
        if (unique) options.push('unique: true');
        return {
            description: `add-index-${kebab(table.name)}-${columns.map(kebab).join('-')}`,
            up: [`    await queryInterface.addIndex('${table.name}', [${columns.map(c => `'${c}'`).join(', ')}], {\n` +
                 `      ${options.join(',\n      ')},\n    });`],
            down: [`    await queryInterface.removeIndex('${table.name}', '${name}');`],
        };
    }

    changeable() {
        const found = [];
        for (const table of this.tables) {
            for (const column of table.columns) {
                if (column.type === 'STRING(100)' && !column.frozen && !column.defaultValue) {
                    found.push([table, column]);
                }
            }
        }
        return found;
    }

    changeColumn() {
        const [table, column] = this.pick(this.changeable());
        const widened = {...column, type: 'STRING(255)'};
        const up = `    await queryInterface.changeColumn('${table.name}', '${column.name}', ${definition(widened, 4)});`;
        const down = `    await queryInterface.changeColumn('${table.name}', '${column.name}', ${definition(column, 4)});`;
        column.type = 'STRING(255)';
        return {description: `widen-${kebab(table.name)}-${kebab(column.name)}`, up: [up], down: [down]};
    }

    renameable() {
        const found = [];
        for (const table of this.tables) {
            for (const column of table.columns) {
                const to = RENAMES[column.name];
                if (to && !column.frozen && !table.columns.some(c => c.name === to)) {
                    found.push([table, column, to]);
                }
            }
        }
        return found;
    }

    renameColumn() {
        const [table, column, to] = this.pick(this.renameable());
        const from = column.name;
        column.name = to;
        return {
            description: `rename-${kebab(table.name)}-${kebab(from)}-to-${kebab(to)}`,
            up: [`    await queryInterface.renameColumn('${table.name}', '${from}', '${to}');`],
            down: [`    await queryInterface.renameColumn('${table.name}', '${to}', '${from}');`],
        };
    }

    bulkInsert() {
        const table = this.pick(this.tables);
        const rows = 2 + Math.floor(this.random() * 4);
        const ids = [];
        const lines = [`    await queryInterface.bulkInsert('${table.name}', [`];
        for (let r = 0; r < rows; ++r) {
            const id = this.nextSeedId++;
            ids.push(id);
            const fields = [`id: ${id}`];
            for (const column of table.columns) fields.push(`${column.name}: ${seedValue(column, id)}`);
            lines.push(`      {\n        ${fields.join(',\n        ')},\n      },`);
        }
        lines.push('    ]);');
        return {
            description: `seed-${kebab(table.name)}`,
            up: lines,
            down: [`    await queryInterface.bulkDelete('${table.name}', { id: [${ids.join(', ')}] });`],
        };
    }

    raw() {
        const table = this.pick(this.tables);
        const quoted = `"${table.name}"`;
        if (this.chance(0.6)) {
            const shown = table.columns.filter(c => c.type !== 'JSONB').slice(0, 3);
            for (const column of shown) column.frozen = true;
            let name = `${snake(table.name)}_overview`;
            for (let k = 2; this.rawNames.has(name); ++k) name = `${snake(table.name)}_overview_${k}`;
            this.rawNames.add(name);
            const list = ['id', ...shown.map(c => c.name)].map(c => `"${c}"`).join(', ');
            return {
                description: `create-view-${kebab(name)}`,
                up: [`    await queryInterface.sequelize.query(\`\n      CREATE OR REPLACE VIEW "${name}" AS\n` +
                     `      SELECT ${list}\n      FROM ${quoted}\n      WHERE "createdAt" > now() - interval '90 days';\n    \`);`],
                down: [`    await queryInterface.sequelize.query('DROP VIEW IF EXISTS "${name}";');`],
            };
        }
        let name = `count_${snake(table.name)}`;
        for (let k = 2; this.rawNames.has(name); ++k) name = `count_${snake(table.name)}_${k}`;
        this.rawNames.add(name);
        return {
            description: `create-function-${kebab(name)}`,
            up: [`    await queryInterface.sequelize.query(\`\n      CREATE OR REPLACE FUNCTION ${name}(since timestamptz)\n` +
                 `      RETURNS bigint LANGUAGE sql STABLE AS $$\n` +
                 `        SELECT count(*) FROM ${quoted} WHERE "createdAt" >= since\n      $$;\n    \`);`],
            down: [`    await queryInterface.sequelize.query('DROP FUNCTION IF EXISTS ${name}(timestamptz);');`],
        };
    }

    // One migration: a kind by weight, or the nearest kind that can run now.
    next() {
        if (!this.tables.length) return this.createTable();
        const roll = this.random();
        const kinds = [[0.25, 'createTable'], [0.55, 'addColumn'], [0.70, 'addIndex'],
                       [0.80, 'changeColumn'], [0.90, 'bulkInsert'], [0.95, 'renameColumn'],
                       [1.01, 'raw']];
        let kind = kinds.find(([limit]) => roll < limit)[1];
        if (kind === 'changeColumn' && !this.changeable().length) kind = 'addColumn';
        if (kind === 'renameColumn' && !this.renameable().length) kind = 'addColumn';
        return this[kind]();
    }
}

function kebab(text) {
    return text.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/_/g, '-').toLowerCase();
}

function snake(text) {
    return kebab(text).replace(/-/g, '_');
}

function sequelizeType(column) {
    if (column.type === 'ENUM') return `Sequelize.ENUM(${column.values.map(v => `'${v}'`).join(', ')})`;
    const match = /^(\w+)(?:\((.+)\))?$/.exec(column.type);
    return match[2] ? `Sequelize.${match[1]}(${match[2].replace(',', ', ')})` : `Sequelize.${match[1]}`;
}

function definition(column, indent) {
    const pad = ' '.repeat(indent + 2);
    const fields = [`type: ${sequelizeType(column)}`, `allowNull: ${column.allowNull}`];
    if (column.defaultValue !== undefined) fields.push(`defaultValue: ${column.defaultValue}`);
    if (column.references) {
        fields.push(`references: {\n${pad}  model: '${column.references}',\n${pad}  key: 'id',\n${pad}}`,
                    "onUpdate: 'CASCADE'", "onDelete: 'SET NULL'");
    }
    return `{\n${fields.map(f => `${pad}${f},`).join('\n')}\n${' '.repeat(indent)}}`;
}

function seedValue(column, id) {
    if (column.references || column.type === 'JSONB') return 'null';
    switch (column.type) {
        case 'STRING(100)':
        case 'STRING(255)':
            return `'${column.name}-${id}'`;
        case 'TEXT':
            return `'Seeded ${column.name} for row ${id}'`;
        case 'INTEGER':
            return String(id % 97);
        case 'BOOLEAN':
            return id % 2 ? 'true' : 'false';
        case 'DATE':
            return FIXED_DATE;
        case 'DECIMAL(10,2)':
            return `'${(id % 500) + 0.5}'`;
        case 'ENUM':
            return `'${column.values[id % column.values.length]}'`;
        default:
            throw new Error(`no seed value for ${column.type}`);
    }
}

function source(migration) {
    return `'use strict';

/** @type {import('sequelize-cli').Migration} */
module.exports = {
  async up(queryInterface, Sequelize) {
${migration.up.join('\n')}
  },

  async down(queryInterface, Sequelize) {
${migration.down.join('\n')}
  },
};
`;
}

function main() {
    const [out, countText = '300', seedText = '1'] = process.argv.slice(2);
    const count = Number(countText);
    const seed = Number(seedText);
    if (!out || !(count > 0) || !Number.isInteger(seed)) {
        throw new Error('usage: verify_project.js OUT_DIR [COUNT=300] [SEED=1]');
    }
    const folder = path.join(out, 'migrations');
    fs.mkdirSync(folder, {recursive: true});
    const generator = new Generator(seed);
    const kinds = {};
    for (let i = 0; i < count; ++i) {
        const migration = generator.next();
        const kind = migration.description.replace(/^(create-view|create-function|add-index|\w+)-.*$/, '$1');
        kinds[kind] = (kinds[kind] || 0) + 1;
        fs.writeFileSync(path.join(folder, generator.name(migration.description)), source(migration));
    }
    if (process.env.VERIFY_PROJECT_STATS) process.stderr.write(JSON.stringify(kinds) + '\n');
}

main();
