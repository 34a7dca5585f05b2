// Shared jest settings: TypeScript through @swc/jest. Run jest with NODE_OPTIONS=--experimental-vm-modules
// (the npm scripts do): PGlite loads Node built-ins with dynamic import().
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          target: 'es2022', // @swc/core 1.3.96 (pinned by Taro) rejects es2023
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleNameMapper: {
    // see tests/support/kysely-cjs.ts
    '^kysely$': '<rootDir>/.cache/jest/kysely.cjs',
    '^kysely/migration$': '<rootDir>/.cache/jest/kysely.cjs',
  },
  globalSetup: '<rootDir>/tests/support/global.setup.ts',
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
}
