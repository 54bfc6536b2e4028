// Shared jest settings: TypeScript through SWC (decorator metadata on, for Nest and TypeORM),
// workspace libraries resolved to their sources so no build is needed before a test run.
const path = require('node:path');

const root = __dirname;

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true, tsx: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleNameMapper: {
    '^@ssp/contracts$': path.join(root, 'libs/contracts/src/index.ts'),
    '^@ssp/geo$': path.join(root, 'libs/geo/src/index.ts'),
    '^@ssp/rules$': path.join(root, 'libs/rules/src/index.ts'),
    '^@ssp/text$': path.join(root, 'libs/text/src/index.ts'),
  },
  // ES-module-only dependencies (Node ≥ 20.19 requires them natively; jest needs them compiled).
  transformIgnorePatterns: ['^(?!.*/node_modules/content-disposition/).*/node_modules/'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
};
