// Part of npm test: the handler suites again, on the CloudBase document database — the adapter in
// cloudfunctions/adapters/cloudbase-db driving the real @cloudbase/node-sdk against the loopback
// (tests/support/cloudbase-db/). The store contract itself runs in the default config
// (tests/store/cloudbase.store.test.ts).
const shared = require('./jest.shared')

process.env.KS_TEST_STORE = 'cloudbase' // read by tests/support/test-deps.ts in every worker

module.exports = {
  ...shared,
  testMatch: ['<rootDir>/tests/functions/**/*.test.ts', '<rootDir>/tests/notify/**/*.test.ts'],
  // counts SQL statements (adapters/sql/query-counter.ts), which a document store does not send; the
  // document store's round trips are counted from the loopback in tests/store/cloudbase-round-trips.test.ts
  testPathIgnorePatterns: ['/node_modules/', '/tests/functions/submit-round-trips\\.test\\.ts$'],
  testTimeout: 60_000,
}
