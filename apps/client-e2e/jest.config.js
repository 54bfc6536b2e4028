// Browser tier: the built server serving the built H5 app, driven by headless Chromium (playwright-core).
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'browser',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.e2e.ts'],
  testTimeout: 120000,
  maxWorkers: 1,
};
