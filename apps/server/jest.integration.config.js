// Integration specs: the real app over real HTTP against a real database. SQLite by default;
// TEST_DATABASE_URL=mysql://… runs the same suite on MySQL/MariaDB (each file makes its own database).
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: process.env.TEST_DATABASE_URL ? 'integration:mysql' : 'integration:sqlite',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/test/integration/**/*.spec.ts'],
  testTimeout: 60000,
  maxWorkers: 2,
};
