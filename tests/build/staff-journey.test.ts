// The start of issue 15's rehearsal, the staff part, over the code that ships: the built bundles of
// scripts/build-functions.ts, each loaded in one plain Node process with only what CloudBase gives a
// function (its environment, the service address, temporary keys) plus FIRST_ADMIN_OPENID, called as
// CloudBase calls them — main(event, context) with the caller's OPENID in the context — against the
// loopback's document database (collections provisioned first; the functions create none).
import { COLLECTIONS } from '../../cloudfunctions/adapters/cloudbase-db/collection-names'
import { wxContext } from '../support/cloud-context'
import { buildBundles, provisionedCloud, runInCloud, type BuiltBundles } from '../support/cloud-rehearsal'

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

let bundles: BuiltBundles

beforeAll(() => {
  bundles = buildBundles('kuaisu-staff-fn-')
}, 180_000)

afterAll(() => bundles.remove())

test('when the bundles run in CloudBase, then the FIRST_ADMIN_OPENID administrator provisions a site, a station and a shop, the station binds by code and approves a clerk, and once unbound it is refused', async () => {
  expect({ status: bundles.status, stderr: bundles.stderr }).toMatchObject({ status: 0 })
  const cloud = await provisionedCloud()
  try {
    const fns = bundles.paths(['staff', 'registry', 'station', 'merchant'])
    const contexts = Object.fromEntries(['root', 'station', 'clerk', 'stranger'].map((who) => [who, wxContext(`o-journey-${who}`)]))
    const steps = await runInCloud(bundles, cloud, JOURNEY, [fns, contexts], { FIRST_ADMIN_OPENID: 'o-journey-root' })
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
