'use strict';

// Demo migration (production branch): creates the billing_accounts table if it is missing, so it can run
// again safely (the team's idempotency rule).
module.exports = {
  async up(queryInterface, Sequelize) {
    const tables = await queryInterface.showAllTables();
    if (tables.includes('billing_accounts')) return;
    await queryInterface.createTable('billing_accounts', {
      id: { type: Sequelize.INTEGER, primaryKey: true, autoIncrement: true },
      site_id: { type: Sequelize.INTEGER, allowNull: true },
      payload: { type: Sequelize.JSONB, allowNull: false, defaultValue: {} },
      createdAt: { type: Sequelize.DATE, allowNull: false },
      updatedAt: { type: Sequelize.DATE, allowNull: false },
    });
  },

  async down(queryInterface) {
    const tables = await queryInterface.showAllTables();
    if (tables.includes('billing_accounts')) await queryInterface.dropTable('billing_accounts');
  },
};
