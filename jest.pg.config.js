// npm run test:store:pg: the store contract suite (and handler tests) on a real PostgreSQL server.
// Needs TEST_DATABASE_URL; .ci/run starts a throwaway cluster and sets it.
const shared = require('./jest.shared')

module.exports = {
  ...shared,
  testMatch: ['<rootDir>/tests/**/*.pgtest.ts'],
  testTimeout: 60_000,
}
