// Issue 15 item 5, the rehearsal of the cloud: the whole life of a case through the bundles that ship
// (scripts/build-functions.ts), each called as CloudBase calls it — main(event, context), the caller's
// OPENID in the context, the timers with CloudBase's timer event — in one plain Node process with only
// CloudBase's variables and the deployer's (FIRST_ADMIN_OPENID, the WeChat AppID and templates),
// against the loopback's database and storage and a WeChat open-API loopback for subscribe messages.
// One process for the whole journey: it is what a warm container is (each bundle builds its deps once),
// and it keeps the run to one Node start instead of one per step.
import { createHash } from 'node:crypto'
import { aSubmission } from '../support/builders'
import { wxContext } from '../support/cloud-context'
import { buildBundles, provisionedCloud, runInCloud, type BuiltBundles } from '../support/cloud-rehearsal'
import { startJsonLoopback } from '../support/json-loopback'
import { jpegWithGps } from '../evidence/support/images'
import { OFFER, rating, returnVisit } from '../support/workflow-world'

const PEOPLE = ['root', 'station', 'visitor', 'clerk', 'shopper'] as const
const openIdOf = (who: (typeof PEOPLE)[number]) => `o-journey-${who}`
const CLOCK_WARNING_TEMPLATE = 'TMPL_MERCHANT_CLOCK_WARNING_0001'

// Run inside the child: every step's answer in order, and the few values the test checks after.
const JOURNEY = `
const [bundles, contextOf, given] = process.argv.slice(2).map((a) => JSON.parse(a))
const mains = Object.fromEntries(Object.entries(bundles).map(([name, file]) => [name, require(file).main]))
const steps = []
const call = async (step, fn, event, who) => {
  const result = await mains[fn](event, contextOf[who])
  steps.push({ step, ok: result.ok, code: result.ok ? null : result.error.code })
  return result.ok ? result.data : null
}
// CloudBase's timer trigger: its event names the minute it fired for; its context carries no caller
const timer = async (step, fn, at, context = { request_id: 'timer' }) => {
  const report = await mains[fn]({ Type: 'Timer', TriggerName: 'every-minute', Time: at, Message: '' }, context)
  steps.push({ step, report })
}
const act = (step, fn, caseId, caseAction, who, details = null, reason = '') =>
  call(step, fn, { action: fn === 'consumer' ? 'actOnMyCase' : 'actOnCase', caseId, caseAction, reason, details }, who)
;(async () => {
  const site = await call('admin creates a site', 'staff', { action: 'saveSite', name: '滨江天街', address: '江南大道1号', hotline: '0571-86660000' }, 'root')
  const station = await call('admin creates a station account', 'staff', { action: 'createStaff', username: 'bj.station', displayName: '滨江站 王芳', role: 'station', siteId: site.id }, 'root')
  const visitor = await call('admin creates a second station account', 'staff', { action: 'createStaff', username: 'bj.visitor', displayName: '滨江站 回访员', role: 'station', siteId: site.id }, 'root')
  const saved = await call('admin registers a shop', 'registry', { action: 'saveMerchant', siteId: site.id, name: '味道小馆', uscc: '91330106MA2K00001K', industry: '食品', address: '江南大道1号', booth: 'B1-08' }, 'root')
  const bindings = {}
  for (const [who, account] of [['station', station], ['visitor', visitor]]) {
    const issued = await call('admin issues a binding code', 'staff', { action: 'issueBindingCode', staffId: account.id }, 'root')
    bindings[who] = await call('the staff member binds its phone', 'staff', { action: 'bindByCode', code: issued.code }, who)
  }
  const invite = await call('the station invites a clerk', 'registry', { action: 'issueInvite', merchantId: saved.merchant.id }, 'station')
  const pending = await call('the clerk scans the invite', 'merchant', { action: 'redeemInvite', code: invite.code }, 'clerk')
  await call('the station approves the clerk', 'registry', { action: 'decideMember', membershipId: pending.membershipId, approve: true }, 'station')
  await call('the clerk accepts the time-limit prompt', 'inbox', { action: 'recordSubscriptions', accepted: ['merchant_clock_warning'] }, 'clerk')

  const photo = await call('the shopper registers the uploaded photo', 'consumer', { action: 'registerUpload', fileId: given.fileId, kind: 'photo', displayName: 'IMG_0001.JPG' }, 'shopper')
  const filed = await call('the shopper files with the photo', 'consumer', { ...given.submission, merchantCode: saved.merchant.code, evidenceIds: [photo.id] }, 'shopper')
  const caseId = filed.caseId
  await act('the station accepts', 'station', caseId, 'accept', 'station')
  await act('the station sends it to the shop', 'station', caseId, 'dispatch', 'station')

  // the shop's 45 minutes run from the dispatch; half of them gone, its clerk is reminded
  const halfway = new Date(Date.now() + 30 * 60_000).toISOString()
  await timer('the clock at the dispatch minute', 'clock', new Date().toISOString())
  await timer('a shopper calls the clock with a timer event of its own', 'clock', halfway, contextOf.shopper)
  await timer('the clock 30 minutes on', 'clock', halfway)
  await timer('the notify timer 30 minutes on', 'notify', halfway)

  await act('the clerk answers with an offer', 'merchant', caseId, 'answer', 'clerk', given.offer)
  await act('the shopper accepts the offer', 'consumer', caseId, 'acceptOffer', 'shopper')
  await act('the station closes', 'station', caseId, 'close', 'station')
  await call('the station unbinds its phone', 'staff', { action: 'unbindMine', bindingId: bindings.station.bindingId }, 'station')
  await call('the unbound phone opens the case', 'station', { action: 'getCase', caseId }, 'station')
  await act('the shopper rates', 'consumer', caseId, 'rate', 'shopper', given.rating)
  await act('a colleague visits back', 'station', caseId, 'returnVisit', 'visitor', given.returnVisit)
  const closed = await call('the shopper reads the case', 'consumer', { action: 'getMyCase', caseId }, 'shopper')
  console.log(JSON.stringify({ steps, caseNo: filed.caseNo, timeline: closed && closed.timeline.map((e) => e.type), evidence: closed && closed.evidence.length }))
})().catch((err) => console.log(JSON.stringify({ threw: String((err && err.stack) || err), steps })))
`

let bundles: BuiltBundles
beforeAll(() => {
  bundles = buildBundles('kuaisu-rehearsal-')
}, 180_000)
afterAll(() => bundles.remove())

test('when a case lives its whole life through the shipped bundles in CloudBase, then every step is answered, the clerk is reminded on WeChat at half time, and an unbound phone is refused', async () => {
  expect({ status: bundles.status, stderr: bundles.stderr }).toMatchObject({ status: 0 })
  const cloud = await provisionedCloud()
  const wechat = await startJsonLoopback((req) =>
    req.path === '/cgi-bin/stable_token'
      ? { json: { access_token: 'TOKEN-1', expires_in: 7200 } }
      : { json: { errcode: 0, errmsg: 'ok', msgid: 1 } },
  )
  try {
    // the phone puts the photo into storage itself, as Taro.cloud.uploadFile does
    const fileId = await cloud.loopback.uploadAsApp(
      `uploads/${createHash('md5').update('journey-photo').digest('hex')}/file.jpg`,
      await jpegWithGps(),
    )
    const fns = ['staff', 'registry', 'station', 'merchant', 'consumer', 'inbox', 'clock', 'notify']
    const contexts = Object.fromEntries(PEOPLE.map((who) => [who, wxContext(openIdOf(who))]))
    const given = {
      fileId,
      submission: aSubmission('TO-BE-SET'),
      offer: OFFER,
      rating: rating(true),
      returnVisit: returnVisit(true),
    }
    const result = await runInCloud(bundles, cloud, JOURNEY, [bundles.paths(fns), contexts, given], {
      FIRST_ADMIN_OPENID: openIdOf('root'),
      WECHAT_APP_ID: 'wx0000000000000001',
      WECHAT_APP_SECRET: 'journey-app-secret-0001',
      WECHAT_API_BASE_URL: wechat.baseUrl,
      WECHAT_TMPL_MERCHANT_CLOCK_WARNING: CLOCK_WARNING_TEMPLATE,
    })
    const ok = (step: string) => ({ step, ok: true, code: null })
    expect(result).toEqual({
      steps: [
        ok('admin creates a site'),
        ok('admin creates a station account'),
        ok('admin creates a second station account'),
        ok('admin registers a shop'),
        ok('admin issues a binding code'),
        ok('the staff member binds its phone'),
        ok('admin issues a binding code'),
        ok('the staff member binds its phone'),
        ok('the station invites a clerk'),
        ok('the clerk scans the invite'),
        ok('the station approves the clerk'),
        ok('the clerk accepts the time-limit prompt'),
        ok('the shopper registers the uploaded photo'),
        ok('the shopper files with the photo'),
        ok('the station accepts'),
        ok('the station sends it to the shop'),
        // nothing is due at the dispatch; a client naming a later minute moves no clock
        { step: 'the clock at the dispatch minute', report: { examined: 0, advanced: 0, alerts: 0, escalated: 0 } },
        { step: 'a shopper calls the clock with a timer event of its own', report: { examined: 0, advanced: 0, alerts: 0, escalated: 0 } },
        { step: 'the clock 30 minutes on', report: { examined: 1, advanced: 1, alerts: 1, escalated: 0 } },
        // the merchant's reminder, and the filing's, acceptance's and dispatch's notices before it
        { step: 'the notify timer 30 minutes on', report: { claimed: 4, delivered: 4, retried: 0, parked: 0 } },
        ok('the clerk answers with an offer'),
        ok('the shopper accepts the offer'),
        ok('the station closes'),
        ok('the station unbinds its phone'),
        { step: 'the unbound phone opens the case', ok: false, code: 'UNAUTHENTICATED' },
        ok('the shopper rates'),
        ok('a colleague visits back'),
        ok('the shopper reads the case'),
      ],
      caseNo: expect.stringMatching(/^KS-\d{8}-0001$/),
      timeline: ['submitted', 'accepted', 'dispatched', 'answered', 'offer_accepted', 'closed', 'rated', 'return_visited'],
      evidence: 1,
    })
    // WeChat received the reminder for the clerk's OPENID, on the template the deployer set, once
    const sends = wechat.requests.filter((r) => r.path === '/cgi-bin/message/subscribe/send')
    expect(sends.map((r) => ({ query: r.query, body: r.body }))).toEqual([
      {
        query: { access_token: 'TOKEN-1' },
        body: expect.objectContaining({
          touser: openIdOf('clerk'),
          template_id: CLOCK_WARNING_TEMPLATE,
          page: expect.stringMatching(/^pages\/merchant\/case\/index\?id=/),
        }),
      },
    ])
    // the photo is kept under evidence/, re-encoded; the phone's original (with its GPS) is gone
    const keys = [...cloud.loopback.objects.keys()]
    expect(keys.filter((k) => k.startsWith('uploads/'))).toEqual([])
    expect(keys.filter((k) => k.startsWith('evidence/'))).toHaveLength(1)
  } finally {
    await wechat.close()
    await cloud.close()
  }
}, 150_000)
