'use strict';

// DevOpser Lite: customer sites with draft/published configs, their
// deployment history and AI-generated images.
//
// Idempotent by the team's merge strategy: every create checks first, so a
// partially migrated database (a failed deployment, a branch that ran some of
// this already) is completed rather than broken.

function nameOf(table) {
  // showAllTables returns plain names on PostgreSQL, objects on some dialects.
  return typeof table === 'string' ? table : table.tableName;
}

async function tableExists(queryInterface, table) {
  const tables = await queryInterface.showAllTables();
  return tables.map(nameOf).includes(table);
}

async function createTableIfMissing(queryInterface, table, columns) {
  if (!(await tableExists(queryInterface, table))) {
    await queryInterface.createTable(table, columns);
  }
}

async function addIndexIfMissing(queryInterface, table, fields, options) {
  try {
    await queryInterface.addIndex(table, fields, options);
  } catch (error) {
    // PostgreSQL: 42P07 duplicate_table is what an existing index raises.
    const code = error.original && error.original.code;
    if (code !== '42P07' && !/already exists/i.test(error.message)) throw error;
  }
}

async function dropTableIfPresent(queryInterface, table) {
  if (await tableExists(queryInterface, table)) {
    await queryInterface.dropTable(table);
  }
}

function timestamps(Sequelize) {
  return {
    created_at: { allowNull: false, type: Sequelize.DATE, defaultValue: Sequelize.fn('NOW') },
    updated_at: { allowNull: false, type: Sequelize.DATE, defaultValue: Sequelize.fn('NOW') },
  };
}

function primaryKey(Sequelize) {
  return { allowNull: false, autoIncrement: true, primaryKey: true, type: Sequelize.INTEGER };
}

function belongsTo(Sequelize, table) {
  return {
    allowNull: false,
    type: Sequelize.INTEGER,
    references: { model: table, key: 'id' },
    onUpdate: 'CASCADE',
    onDelete: 'CASCADE',
  };
}

function sitesColumns(Sequelize) {
  return {
    id: primaryKey(Sequelize),
    userId: belongsTo(Sequelize, 'Users'),
    name: { allowNull: false, type: Sequelize.STRING },
    slug: { allowNull: false, unique: true, type: Sequelize.STRING },
    draft_config: { allowNull: false, type: Sequelize.JSONB, defaultValue: {} },
    published_config: { type: Sequelize.JSONB },
    status: { allowNull: false, type: Sequelize.STRING(32), defaultValue: 'draft' },
    published_at: { type: Sequelize.DATE },
    ...timestamps(Sequelize),
  };
}

function deploymentsColumns(Sequelize) {
  return {
    id: primaryKey(Sequelize),
    site_id: belongsTo(Sequelize, 'sites'),
    status: { allowNull: false, type: Sequelize.STRING(32), defaultValue: 'pending' },
    config_snapshot: { allowNull: false, type: Sequelize.JSONB },
    url: { type: Sequelize.STRING(2048) },
    error: { type: Sequelize.TEXT },
    started_at: { type: Sequelize.DATE },
    finished_at: { type: Sequelize.DATE },
    ...timestamps(Sequelize),
  };
}

function siteImagesColumns(Sequelize) {
  return {
    id: primaryKey(Sequelize),
    site_id: belongsTo(Sequelize, 'sites'),
    prompt: { allowNull: false, type: Sequelize.TEXT },
    url: { allowNull: false, type: Sequelize.STRING(2048) },
    alt_text: { type: Sequelize.STRING },
    ...timestamps(Sequelize),
  };
}

module.exports = {
  async up(queryInterface, Sequelize) {
    await createTableIfMissing(queryInterface, 'sites', sitesColumns(Sequelize));
    await createTableIfMissing(queryInterface, 'deployments', deploymentsColumns(Sequelize));
    await createTableIfMissing(queryInterface, 'site_images', siteImagesColumns(Sequelize));
    await addIndexIfMissing(queryInterface, 'sites', ['userId'], { name: 'sites_user_id' });
    await addIndexIfMissing(queryInterface, 'deployments', ['site_id', 'created_at'], {
      name: 'deployments_site_id_created_at',
    });
    await addIndexIfMissing(queryInterface, 'site_images', ['site_id'], {
      name: 'site_images_site_id',
    });
  },

  async down(queryInterface) {
    // Children before the table they reference.
    await dropTableIfPresent(queryInterface, 'site_images');
    await dropTableIfPresent(queryInterface, 'deployments');
    await dropTableIfPresent(queryInterface, 'sites');
  },
};
