// npm run test:browser: Playwright (playwright-core + the system Chromium) against the local host
// serving the H5 build. Needs `npm run build:h5` first and /usr/bin/chromium (or CHROMIUM_PATH).
const shared = require('./jest.shared')

module.exports = {
  ...shared,
  testMatch: ['<rootDir>/tests/browser/**/*.browser.ts'],
  // CI runs two files at once on two cores, so a long journey may take twice its time alone
  testTimeout: 240_000,
}
