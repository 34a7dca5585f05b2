// The start of issue 15's rehearsal, the staff part, over the code that ships: the built bundles of
// scripts/build-functions.ts, each loaded in one plain Node process with only what CloudBase gives a
// function (its environment, the service address, temporary keys) plus FIRST_ADMIN_OPENID, called as
// CloudBase calls them — main(event, context) with the caller's OPENID in the context — against the
// loopback's document database (collections provisioned first; the functions create none).
import { execFile, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { COLLECTIONS } from '../../cloudfunctions/adapters/cloudbase-db/collection-names'
import { wxContext } from '../support/cloud-context'
import { startCloudbaseTestApp } from '../support/cloudbase-test-app'
import { TEST_CHAIN_KEY, TEST_DATA_KEY } from '../support/test-deps'

const ROOT = join(__dirname, '../..')
const execFileAsync = promisify(execFile)
const onlyVariables = (vars: Record<string, string | undefined>) => vars as unknown as NodeJS.ProcessEnv
const key = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64')

// The journey, run inside the child process: every step's answer is printed, in order, as one JSON.
const JOURNEY = `
const bundles = JSON.parse(process.argv[2])
const contextOf = JSON.parse(process.argv[3])
const mains = Object.fromEntries(Object.entries(bundles).map(([name, file]) => [name, require(file).main]))
const steps = []
const call = async (step, fn, event, openId) => {
  const result = await mains[fn](event, contextOf[openId])
  steps.push({ step, ok: result.ok, code: result.ok ? null : result.error.code })
  return result.ok ? result.data : null
}
;(async () => {
  const site = await call('admin creates a site', 'staff', { action: 'saveSite', name: '滨江天街', address: '江南大道1号', hotline: '0571-86660000' }, 'root')
  const station = await call('admin creates a station account', 'staff', { action: 'createStaff', username: 'bj.station', displayName: '滨江站 王芳', role: 'station', siteId: site.id }, 'root')
  const saved = await call('admin registers a shop', 'registry', { action: 'saveMerchant', siteId: site.id, name: '味道小馆', uscc: '91330106MA2K00001K', industry: '食品', address: '江南大道1号', booth: 'B1-08' }, 'root')
  const issued = await call('admin issues the station a binding code', 'staff', { action: 'issueBindingCode', staffId: station.id }, 'root')
  await call('a stranger is no station', 'station', { action: 'me' }, 'station')
  const bound = await call('the station binds its phone by the code', 'staff', { action: 'bindByCode', code: issued.code }, 'station')
  await call('the code binds no second phone', 'staff', { action: 'bindByCode', code: issued.code }, 'stranger')
  await call('the station, by OPENID alone, is itself', 'station', { action: 'me' }, 'station')
  const invite = await call('the station invites a clerk', 'registry', { action: 'issueInvite', merchantId: saved.merchant.id }, 'station')
  const pending = await call('the clerk redeems the invite', 'merchant', { action: 'redeemInvite', code: invite.code }, 'clerk')
  await call('the station approves the clerk', 'registry', { action: 'decideMember', membershipId: pending.membershipId, approve: true }, 'station')
  await call('the clerk opens the shop', 'merchant', { action: 'getHome' }, 'clerk')
  await call('the station unbinds its phone', 'staff', { action: 'unbindMine', bindingId: bound.bindingId }, 'station')
  await call('the next call of the unbound phone', 'station', { action: 'me' }, 'station')
  console.log(JSON.stringify(steps))
})().catch((err) => console.log(JSON.stringify({ threw: String(err && err.stack || err), steps })))
`

let out: string
let build: ReturnType<typeof spawnSync>

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'kuaisu-staff-fn-'))
  build = spawnSync('npx', ['tsx', 'scripts/build-functions.ts', '--outdir', out], { cwd: ROOT, encoding: 'utf8' })
}, 180_000)

afterAll(() => rmSync(out, { recursive: true, force: true }))

test('when the bundles run in CloudBase, then the FIRST_ADMIN_OPENID administrator provisions a site, a station and a shop, the station binds by code and approves a clerk, and once unbound it is refused', async () => {
  expect({ status: build.status, stderr: build.stderr }).toMatchObject({ status: 0 })
  const cloud = await startCloudbaseTestApp()
  try {
    cloud.loopback.db.engine.strictCollections = true
    for (const name of Object.values(COLLECTIONS)) await cloud.db.createCollection(name)
    const script = join(out, 'journey.js')
    writeFileSync(script, JOURNEY)
    const bundles = Object.fromEntries(['staff', 'registry', 'station', 'merchant'].map((n) => [n, join(out, n, 'index.js')]))
    const contexts = Object.fromEntries(['root', 'station', 'clerk', 'stranger'].map((who) => [who, wxContext(`o-journey-${who}`)]))
    const run = await execFileAsync(process.execPath, [script, JSON.stringify(bundles), JSON.stringify(contexts)], {
      cwd: out,
      timeout: 60_000,
      env: onlyVariables({
        PATH: process.env.PATH,
        NODE_PATH: join(ROOT, 'node_modules'),
        TENCENTCLOUD: 'true',
        TCB_ENV: cloud.loopback.env,
        SCF_NAMESPACE: cloud.loopback.env,
        TCB_CONTEXT_CNFG: JSON.stringify({ URL: cloud.loopback.serviceUrl }),
        TENCENTCLOUD_SECRETID: 'function-temp-id',
        TENCENTCLOUD_SECRETKEY: 'function-temp-key',
        TENCENTCLOUD_SESSIONTOKEN: 'function-temp-token',
        DATA_KEY: key(TEST_DATA_KEY),
        CHAIN_KEY: key(TEST_CHAIN_KEY),
        FIRST_ADMIN_OPENID: 'o-journey-root',
      }),
    })
    const steps = JSON.parse(run.stdout.trim().split('\n').pop() ?? '')
    expect(steps).toEqual([
      { step: 'admin creates a site', ok: true, code: null },
      { step: 'admin creates a station account', ok: true, code: null },
      { step: 'admin registers a shop', ok: true, code: null },
      { step: 'admin issues the station a binding code', ok: true, code: null },
      { step: 'a stranger is no station', ok: false, code: 'UNAUTHENTICATED' },
      { step: 'the station binds its phone by the code', ok: true, code: null },
      { step: 'the code binds no second phone', ok: false, code: 'BINDING_CODE_INVALID' },
      { step: 'the station, by OPENID alone, is itself', ok: true, code: null },
      { step: 'the station invites a clerk', ok: true, code: null },
      { step: 'the clerk redeems the invite', ok: true, code: null },
      { step: 'the station approves the clerk', ok: true, code: null },
      { step: 'the clerk opens the shop', ok: true, code: null },
      { step: 'the station unbinds its phone', ok: true, code: null },
      { step: 'the next call of the unbound phone', ok: false, code: 'UNAUTHENTICATED' },
    ])
    // the bootstrap and the station's bind and unbind are on record in the environment's database
    const log = cloud.loopback.db.docs(COLLECTIONS.staffBindingLog).map((d) => `${d.action}:${d.via}`)
    expect(log).toEqual(expect.arrayContaining(['bind:bootstrap', 'issue-code:admin', 'bind:code', 'unbind:self']))
  } finally {
    await cloud.close()
  }
}, 120_000)
