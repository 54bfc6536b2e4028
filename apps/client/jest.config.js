// Unit tests run in jsdom against small stand-ins for Taro (test/), not a real Taro runtime: fast, and
// the tests see exactly the DOM ids and classes the pages render.
const path = require('node:path');
const preset = require('../../jest.preset.js');

module.exports = {
  ...preset,
  displayName: 'client',
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  // A guard against a hang, not a speed limit: on a busy 2-core machine a test's own waitFor (up to 5 s)
  // must be what gives up first, with its message, not jest's default 5 s for the whole test.
  testTimeout: 30_000,
  testMatch: ['<rootDir>/{src,config}/**/*.spec.{ts,tsx}'],
  setupFiles: ['<rootDir>/test/setup-globals.ts'],
  moduleNameMapper: {
    ...preset.moduleNameMapper,
    '^@tarojs/taro$': '<rootDir>/test/taro-mock.ts',
    '^@tarojs/components$': '<rootDir>/test/taro-components.tsx',
    // Before the '@/' alias: jest takes the first pattern that matches, and '@/assets/x.png' matches both.
    '\\.css$': '<rootDir>/test/style-stub.ts',
    '\\.png$': '<rootDir>/test/file-stub.ts',
    '^@/(.*)$': path.join(__dirname, 'src/$1'),
    '^@test/(.*)$': path.join(__dirname, 'test/$1'),
  },
};
