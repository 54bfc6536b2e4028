module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'geo',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
