'use strict';

// DevOpser Lite's initial schema: Users and their conversations.
//
// Idempotent by the team's merge strategy: staging and production may both
// have run part of this schema under another migration, so every create
// checks first and `down` drops only what is there.

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

async function addColumnIfMissing(queryInterface, table, column, definition) {
  const columns = await queryInterface.describeTable(table);
  if (!columns[column]) {
    await queryInterface.addColumn(table, column, definition);
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
    createdAt: { allowNull: false, type: Sequelize.DATE },
    updatedAt: { allowNull: false, type: Sequelize.DATE },
  };
}

function usersColumns(Sequelize) {
  return {
    id: { allowNull: false, autoIncrement: true, primaryKey: true, type: Sequelize.INTEGER },
    email: { allowNull: false, unique: true, type: Sequelize.STRING },
    password: { allowNull: false, type: Sequelize.STRING },
    name: { type: Sequelize.STRING },
    ...timestamps(Sequelize),
  };
}

function conversationsColumns(Sequelize) {
  return {
    id: { allowNull: false, autoIncrement: true, primaryKey: true, type: Sequelize.INTEGER },
    userId: {
      allowNull: false,
      type: Sequelize.INTEGER,
      references: { model: 'Users', key: 'id' },
      onUpdate: 'CASCADE',
      onDelete: 'CASCADE',
    },
    title: { type: Sequelize.STRING },
    messages: { allowNull: false, type: Sequelize.JSONB, defaultValue: [] },
    ...timestamps(Sequelize),
  };
}

module.exports = {
  async up(queryInterface, Sequelize) {
    await createTableIfMissing(queryInterface, 'Users', usersColumns(Sequelize));
    // Users created by the first prototype lack the admin flag.
    await addColumnIfMissing(queryInterface, 'Users', 'isAdmin', {
      allowNull: false,
      type: Sequelize.BOOLEAN,
      defaultValue: false,
    });
    await createTableIfMissing(queryInterface, 'conversations', conversationsColumns(Sequelize));
    await addIndexIfMissing(queryInterface, 'conversations', ['userId'], {
      name: 'conversations_user_id',
    });
  },

  async down(queryInterface) {
    // Children first: conversations reference Users.
    await dropTableIfPresent(queryInterface, 'conversations');
    await dropTableIfPresent(queryInterface, 'Users');
  },
};
