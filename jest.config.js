// npm test: every test that needs no system package (PGlite stands in for PostgreSQL here).
const shared = require('./jest.shared')

module.exports = {
  ...shared,
  testMatch: ['<rootDir>/tests/**/*.test.ts', '<rootDir>/tests/**/*.test.tsx'],
  testTimeout: 60_000,
}
