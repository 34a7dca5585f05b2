// npm run test:store:pg: the store contract suite and the handler suites on a real PostgreSQL server.
// Needs TEST_DATABASE_URL; .ci/run starts a throwaway cluster and sets it.
const shared = require('./jest.shared')

process.env.KS_TEST_STORE = 'postgres' // read by tests/support/test-deps.ts in every worker

module.exports = {
  ...shared,
  // *.systest.ts need system packages (poppler's pdftotext, the Chinese font), which npm test must not:
  // they run here, where CI has installed them.
  testMatch: [
    '<rootDir>/tests/**/*.pgtest.ts',
    '<rootDir>/tests/**/*.systest.ts',
    '<rootDir>/tests/functions/**/*.test.ts',
    '<rootDir>/tests/notify/**/*.test.ts',
  ],
  // a guard, not a timing: in CI this suite shares the machine with jest, and the backup test runs
  // pg_dump and three npm scripts in child processes (33 s alone, over 60 s beside jest once)
  testTimeout: 180_000,
}
