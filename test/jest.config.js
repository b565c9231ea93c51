// One embedded PostgreSQL for the whole run (globalSetup); each test file makes its own database.
const root = require('node:path').resolve(__dirname, '..');

const common = {
  rootDir: root,
  testEnvironment: 'node',
  // NestJS 12 ships as ES modules: the suite runs as ESM too (node --experimental-vm-modules).
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/test/tsconfig.jest.json' }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  // A dynamic import() of our own module names the compiled file (`./x.js`, as node20 module resolution requires): here it is the source.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
};

/** @type {import('jest').Config} */
module.exports = {
  rootDir: root,
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60_000,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/projections/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'postgres',
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/esdb/'],
    },
    // EventStoreDB has no server on our machines: this project runs only where one is given.
    ...(process.env.EVENTSTORE_CONNECTION_STRING
      ? [{ ...common, displayName: 'esdb', testMatch: ['<rootDir>/test/esdb/**/*.test.ts'] }]
      : []),
  ],
};
