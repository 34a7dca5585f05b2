// The cloud-function bundles, as scripts/build-functions.ts makes them: the folder each function is
// deployed from is complete, PGlite is not inside it, and the bundle loads and answers on its own.
// Built into a temp dir outside the repo, so the externals can only resolve through NODE_PATH, as
// they resolve through the installed node_modules in CloudBase (and dist/functions is left alone).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cloudbaseStore } from '../../cloudfunctions/adapters/cloudbase-db/cloudbase-store'
import { NO_STORE_MESSAGE } from '../../cloudfunctions/runtime/cloud-store'
import { aSubmission } from '../support/builders'
import { wxContext } from '../support/cloud-context'
import { provisionedCloud, runInCloud } from '../support/cloud-rehearsal'
import { SHOP_A, seedTwoShops } from '../support/seed-shops'
import { TEST_CHAIN_KEY, TEST_DATA_KEY, TEST_VAULT } from '../support/test-deps'

const ROOT = join(__dirname, '../..')
const SRC = join(ROOT, 'cloudfunctions/functions')
const FUNCTIONS = readdirSync(SRC).filter((n) => existsSync(join(SRC, n, 'index.ts')) && existsSync(join(SRC, n, 'config.json')))
const installed = (pkg: string) => JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')).version

// Strings found only in @electric-sql/pglite's own files (its wasm loader, data dir handling).
const PGLITE_INTERNALS = ['pglite.wasm', 'initdb.wasm', 'pglite.data', 'dumpDataDir', 'PGDATA']
const count = (text: string, needle: string) => text.split(needle).length - 1

let out: string
let build: ReturnType<typeof spawnSync>

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'kuaisu-fn-'))
  build = spawnSync('npx', ['tsx', 'scripts/build-functions.ts', '--outdir', out], { cwd: ROOT, encoding: 'utf8' })
}, 120_000)

afterAll(() => rmSync(out, { recursive: true, force: true }))

test('when the functions are built, then the build succeeds and names every function with its size', () => {
  expect(FUNCTIONS).toEqual(expect.arrayContaining(['consumer', 'merchant', 'station']))
  expect({ status: build.status, stderr: build.stderr }).toMatchObject({ status: 0 }) // a failure shows stderr
  for (const name of FUNCTIONS) expect(build.stdout).toMatch(new RegExp(`${name}\\s+[\\d.]+ KB`))
})

describe.each(FUNCTIONS)('function %s', (name) => {
  const file = (f: string) => join(out, name, f)

  test('when built, then its folder holds index.js, package.json and the source config.json', () => {
    expect(readdirSync(join(out, name)).sort()).toEqual(['config.json', 'index.js', 'package.json'])
    expect(readFileSync(file('config.json'), 'utf8')).toBe(readFileSync(join(SRC, name, 'config.json'), 'utf8'))
  })

  test('when built, then package.json pins the installed versions of the externals CloudBase installs', () => {
    const pkg = JSON.parse(readFileSync(file('package.json'), 'utf8'))
    // every function reaches CloudBase storage through the SDK (evidence links); only the consumer
    // function takes uploads in, and re-encodes photos with sharp
    const sdk = { '@cloudbase/node-sdk': installed('@cloudbase/node-sdk') }
    const images = name === 'consumer' ? { sharp: installed('sharp') } : {}
    // the station makes exports in memory (docs/cloud-exports.md): workbooks with exceljs, reports with pdfkit
    const exports = name === 'station' ? { exceljs: installed('exceljs'), pdfkit: installed('pdfkit') } : {}
    // WeChat's cloud call, for the functions that draw mini-program codes or send subscribe messages
    const wx = ['notify', 'registry', 'staff'].includes(name) ? { 'wx-server-sdk': '4.0.2' } : {}
    expect(pkg).toEqual({
      name: expect.any(String),
      private: true,
      main: 'index.js',
      dependencies: { ...sdk, ...wx, ...images, ...exports, pg: installed('pg') },
    })
  })

  test('when built, then PGlite is not in the bundle, only a lazy require of it', () => {
    const bundle = readFileSync(file('index.js'), 'utf8')
    for (const s of PGLITE_INTERNALS) expect({ [s]: bundle.includes(s) }).toEqual({ [s]: false })
    // `loadDataDir` is also the option our own connect.ts passes to PGlite: no more of it than that.
    const ours = count(readFileSync(join(ROOT, 'cloudfunctions/adapters/sql/connect.ts'), 'utf8'), 'loadDataDir')
    expect(count(bundle, 'loadDataDir')).toBeLessThanOrEqual(ours)
    // Every require of it is the deferred form of connect.ts's `await import(...)`, none at load time.
    const lazy = 'Promise.resolve().then(() => __toESM(require("@electric-sql/pglite")))'
    expect(count(bundle, 'require("@electric-sql/pglite")')).toBe(count(bundle, lazy))
    // kysely and zod are inside (kysely is ESM-only and could not be required from a CJS bundle).
    expect(bundle).not.toMatch(/require\("(kysely|zod)/)
  })
})

test('when the consumer bundle runs with neither a CloudBase environment nor DATABASE_URL, then main refuses in Chinese, without loading PGlite', () => {
  const script = `
    const { main } = require(${JSON.stringify(join(out, 'consumer', 'index.js'))})
    main({ action: 'getMerchantEntry', code: 'WDXG26' }, {}).then((result) => {
      const pgliteLoaded = Object.keys(require.cache).some((k) => k.includes('@electric-sql/pglite'))
      console.log(JSON.stringify({ result, pgliteLoaded }))
    }, (err) => { console.log(JSON.stringify({ threw: String(err) })) })`
  const { DATABASE_URL: _omitted, TCB_ENV: _noEnv, SCF_NAMESPACE: _noNamespace, ...env } = process.env
  const keys = { DATA_KEY: Buffer.from(TEST_DATA_KEY).toString('base64'), CHAIN_KEY: Buffer.from(TEST_CHAIN_KEY).toString('base64') }
  const run = spawnSync(process.execPath, ['-e', script], {
    cwd: out,
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...env, ...keys, TENCENTCLOUD: 'true', NODE_PATH: join(ROOT, 'node_modules') },
  })
  expect(run.status).toBe(0)
  const last = run.stdout.trim().split('\n').pop() ?? ''
  expect(JSON.parse(last)).toEqual({
    result: { ok: false, error: { code: 'INTERNAL', message: expect.any(String) } },
    pgliteLoaded: false,
  })
  expect(run.stderr).toContain(NO_STORE_MESSAGE) // the refusal says what is missing
}, 60_000)

// Loading sharp's native module on every cold start would make any broken install fail every action
// of the function, uploads or not: the image adapter loads it on the first photo only.
test('when the consumer bundle is loaded and answers an action, then sharp is not loaded: every require of it is deferred', () => {
  const bundle = readFileSync(join(out, 'consumer', 'index.js'), 'utf8')
  const lazy = 'Promise.resolve().then(() => __toESM(require("sharp")))'
  expect(count(bundle, lazy)).toBeGreaterThan(0)
  expect(count(bundle, 'require("sharp")')).toBe(count(bundle, lazy))
  const script = `
    const { main } = require(${JSON.stringify(join(out, 'consumer', 'index.js'))})
    const loaded = () => Object.keys(require.cache).some((k) => k.includes('/node_modules/sharp/') || k.includes('/node_modules/@img/'))
    const atImport = loaded()
    main({ action: 'getMerchantEntry', code: 'WDXG26' }, {}).then(() => console.log(JSON.stringify({ atImport, afterCall: loaded() })))`
  const run = spawnSync(process.execPath, ['-e', script], {
    cwd: out,
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, DATABASE_URL: '', TENCENTCLOUD: 'true', NODE_PATH: join(ROOT, 'node_modules') },
  })
  expect(run.status).toBe(0)
  expect(JSON.parse(run.stdout.trim().split('\n').pop() ?? '')).toEqual({ atImport: false, afterCall: false })
}, 60_000)

// The mode the product is designed for: the shipped bundle in a plain Node process with only what
// CloudBase gives a function — its environment id (TCB_ENV), its temporary credentials, the service
// address the platform injects (TCB_CONTEXT_CNFG) — and the keys the deployer set; no DATABASE_URL.
// The caller's OPENID arrives in the invocation context. The complaint must land in the environment's
// document database: here the loopback, which the real SDK inside the bundle talks to over HTTP.
test('when the consumer bundle runs in CloudBase with no DATABASE_URL, then a shopper files into the document database', async () => {
  // provisioned first, as in a real environment: the function itself creates no collection
  const cloud = await provisionedCloud()
  try {
    const seeded = cloudbaseStore(cloud.db, TEST_VAULT)
    await seedTwoShops(seeded)
    const submission = aSubmission(SHOP_A.code, { idempotencyKey: 'bundle-draft-0001' })
    const script = `
      const [event, context] = process.argv.slice(2).map((a) => JSON.parse(a))
      require(${JSON.stringify(join(out, 'consumer', 'index.js'))}).main(event, context)
        .then((result) => console.log(JSON.stringify(result)), (err) => console.log(JSON.stringify({ threw: String(err) })))`
    const result = (await runInCloud({ out }, cloud, script, [submission, wxContext('o-bundle-shopper')], {})) as {
      ok: boolean
      data?: { caseNo: string }
    }
    expect(result).toMatchObject({ ok: true, data: { caseNo: expect.stringMatching(/^KS-\d{8}-0001$/), merchantName: SHOP_A.name } })
    const filed = await seeded.listCasesFiledBy('o-bundle-shopper', { limit: 5, offset: 0 })
    expect(filed.map((c) => c.caseNo)).toEqual([result.data?.caseNo])
    expect(cloud.loopback.db.docs('cases')).toHaveLength(1)
  } finally {
    await cloud.close()
  }
}, 90_000)
