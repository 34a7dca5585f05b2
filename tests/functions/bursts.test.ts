import type { Store } from '../../cloudfunctions/ports/store'
import type { StoreInspection } from '../../cloudfunctions/ports/store-inspection'
import { wecomGroupRobot } from '../../cloudfunctions/adapters/wecom/wecom-webhook'
import { loginStaff } from '../../cloudfunctions/services/staff-auth'
import { deploymentDefaultContacts } from '../../src/domain/notify/deployment-defaults'
import { startJsonLoopback, type JsonLoopback } from '../support/json-loopback'
import { callAs } from '../support/call-as'
import { unique } from '../support/builders'
import { SHOP_A, SITE_A } from '../support/seed-shops'
import { openWorkflowWorld } from '../support/workflow-world'
import { dispatchOutbox } from '../../cloudfunctions/services/notify/dispatch-outbox'
import { runTickJob } from '../../cloudfunctions/services/after-tick'

// 突发消费事件 through the consumer and station functions (docs/bursts-and-similar-cases.md): five
// similar complaints against one shop within 24 h raise one alert, told to the station and the
// regulator and never to the shop; staff message every complainant once and mediate the group. The
// check runs after the tick (the host's tick job, after-tick.ts), not on the filing: each
// complaint is filed, then a tick runs a minute later. A quiet shop's third complaint of its day is also
// a jump against its own baseline (baseline.ts): that alert comes first, once for the day.
const START = new Date('2026-11-10T02:00:00Z') // a working Tuesday
const hours = (h: number) => new Date(START.getTime() + h * 3_600_000)
const PEOPLE = [
  { name: '王小明', phone: '139 0000 0001' },
  { name: '赵丽华', phone: '139 0000 0002' },
  { name: '孙建国', phone: '139 0000 0003' },
  { name: '周梅', phone: '139 0000 0004' },
]
const personalData = PEOPLE.flatMap((p) => [p.name, p.phone, p.phone.replace(/\s/g, '')])

describe('burst alerts through the functions', () => {
  let store: Store & StoreInspection
  let world: Awaited<ReturnType<typeof openWorkflowWorld>>
  const station = (as: string, event: Record<string, unknown>) => callAs(world.deps, 'station', event, world.who[as])
  /** desk sessions last hours, the story a day: log the staff in again at the clock's time */
  const relogin = async () => {
    for (const id of ['st-a', 'st-a2', 'st-b']) {
      const login = await loginStaff(world.deps, id, 'pw-123456')
      if (login.ok) world.who[id] = { subject: `${id}-desk`, staffSessionToken: login.data.token }
    }
  }
  const alertRows = async () => (await store.listPendingOutbox(10_000)).filter((m) => m.template.startsWith('burst.'))
  const shoppers = [unique('shopper'), unique('shopper'), unique('shopper'), unique('shopper')]
  const filed: string[] = []
  // the fifth complaint is the first shopper's second: the group message reaches four people, each once
  const fileAt = async (h: number, who: number) => {
    world.deps.clock.set(hours(h))
    filed.push(
      await world.file(shoppers[who], { ...PEOPLE[who], description: '健身房突然关门，预付卡余额退不了', problemType: '预付式消费' }),
    )
  }
  /** the host's tick job a minute after hour h: clocks, statistics, then the burst pass */
  const tickAt = async (h: number) => {
    world.deps.clock.set(new Date(hours(h).getTime() + 60_000))
    await runTickJob(world.deps, world.deps.clock.now())
  }
  const alertsOf = async (basis: string) => (await store.listBurstAlerts(SITE_A.id, 10)).filter((a) => a.basis === basis)

  // the WeCom group robot on loopback, speaking its wire format; the deployment's default group copies escalations
  let robot: JsonLoopback
  const wecom = () => ({
    groupRobot: wecomGroupRobot({ baseUrl: robot.baseUrl }),
    defaultContacts: deploymentDefaultContacts({ wecomKey: 'env-robot' }),
  })

  beforeAll(async () => {
    world = await openWorkflowWorld(START)
    store = world.store
    robot = await startJsonLoopback(() => ({ json: { errcode: 0, errmsg: 'ok' } }))
  })
  afterAll(async () => {
    await robot.close()
    await store.close()
  })

  it('when the fifth similar complaint against the shop arrives within 24 h, then one alert is raised, to the station and the regulator only', async () => {
    for (const [h, who] of [
      [0, 0],
      [2, 1],
      [5, 2],
      [9, 3],
    ]) {
      await fileAt(h, who)
      await tickAt(h)
    }
    expect(await alertsOf('merchant')).toEqual([])
    await fileAt(20, 0)
    expect(await alertsOf('merchant')).toEqual([]) // filed: the shopper's receipt waited on no check
    await tickAt(20)
    const alerts = await alertsOf('merchant')
    expect(alerts).toHaveLength(1)
    expect(alerts[0]).toMatchObject({ key: `merchant:${SHOP_A.id}`, windowStart: hours(0).toISOString(), caseIds: filed })
    const rows = (await alertRows()).filter((r) => r.caseId === filed[4])
    expect(rows.map((r) => [r.template, r.recipient]).sort()).toEqual([
      ['burst.regulator.alert', { role: 'regulator', id: SITE_A.id }],
      ['burst.station.alert', { role: 'station', id: SITE_A.id }],
    ])
  })

  it('when the shop had no complaints before, then its third of the day raised one baseline alert, once for the day', async () => {
    const [baseline, ...more] = await alertsOf('baseline')
    expect(more).toEqual([])
    // 10:00, 12:00 and 15:00 Beijing on 11-10: three against an average of nothing reach max(3, 0)
    expect(baseline).toMatchObject({ key: `baseline:${SHOP_A.id}`, windowStart: '2026-11-09T16:00:00.000Z', caseIds: filed.slice(0, 3) })
    // its words say what it counted (a day against the shop's past), not "similar complaints"
    const told = (await alertRows()).filter((m) => m.caseId === baseline.triggerCaseId).map((m) => m.template)
    expect(told.sort()).toEqual(['burst.regulator.surge', 'burst.station.surge'])
  })

  it('when a sixth arrives in the same window and later ticks run, then nothing is raised again', async () => {
    await fileAt(22, 1)
    await tickAt(22)
    await tickAt(22.5)
    expect(await alertsOf('merchant')).toHaveLength(1)
    expect(await alertRows()).toHaveLength(4) // the shop's alert and the day's baseline alert, each to the station and the regulator
  })

  it('when the alert is delivered, then the station inbox and the WeCom group hold it and the shop hears nothing of it', async () => {
    await dispatchOutbox(world.deps, wecom(), hours(23))
    await relogin()
    const posted = robot.requests.map((r) => (r.body as { markdown: { content: string } }).markdown.content)
    // the similar-complaints alert and the day's baseline alert, each the station's copy and the regulator's
    expect(posted.filter((text) => text.includes('突发消费事件预警'))).toHaveLength(2)
    expect(posted.filter((text) => text.includes('商家投诉量骤增预警'))).toHaveLength(2)
    const stationInbox = await store.listInbox({ role: 'station', id: SITE_A.id }, { limit: 100, offset: 0 })
    expect(stationInbox.filter((e) => e.template === 'burst.station.alert').map((e) => e.title)).toEqual(['突发消费事件预警'])
    expect(stationInbox.filter((e) => e.template === 'burst.station.surge').map((e) => e.title)).toEqual(['商家投诉量骤增预警'])
    const shopInbox = await store.listInbox({ role: 'merchant', id: SHOP_A.id }, { limit: 100, offset: 0 })
    expect(shopInbox.filter((e) => e.template.startsWith('burst.'))).toEqual([])
  })

  it('when the station lists its alerts, then each lists its cases without any personal data; another site sees none', async () => {
    const mine = await station('st-a', { action: 'burstList' })
    expect(mine).toMatchObject({ ok: true })
    if (!mine.ok) return
    expect(mine.data.alerts[0].cases.map((c: { caseId: string }) => c.caseId)).toEqual(filed.slice(0, 5))
    expect(mine.data.alerts[0].complainants).toBe(4)
    const text = JSON.stringify(mine.data)
    for (const p of personalData) expect(text).not.toContain(p)
    expect(text).not.toContain('健身房突然关门')
    const theirs = await station('st-b', { action: 'burstList' })
    expect(theirs).toMatchObject({ ok: true, data: { alerts: [] } })
    expect(await station('st-b', { action: 'burstList', siteId: SITE_A.id })).toMatchObject({
      ok: false,
      error: { code: 'SITE_NOT_FOUND' },
    })
  })

  it('when another site acts on the alert, then it is not found; a shop clerk is refused', async () => {
    const [alert] = await store.listBurstAlerts(SITE_A.id, 1)
    expect(await station('st-b', { action: 'burstMessage', alertId: alert.id })).toMatchObject({
      ok: false,
      error: { code: 'BURST_NOT_FOUND' },
    })
    expect(await station('st-b', { action: 'burstMediate', alertId: alert.id, reason: '统一调解' })).toMatchObject({
      ok: false,
      error: { code: 'BURST_NOT_FOUND' },
    })
    const clerk = await callAs(world.deps, 'station', { action: 'burstMessage', alertId: alert.id }, world.who.clerkA)
    expect(clerk.ok).toBe(false)
    expect((await alertRows()).filter((r) => r.template === 'burst.consumer.group_message')).toEqual([])
  })

  it('when staff message the group, then each complainant gets one message, once, however often they click', async () => {
    const [alert] = await store.listBurstAlerts(SITE_A.id, 1)
    // the second complaint was accepted and the shopper told so: its latest event has told them something already
    expect(await world.act('station', filed[1], 'accept', world.who['st-a'])).toMatchObject({ ok: true })
    await dispatchOutbox(world.deps, {}, hours(23.2))
    expect(await station('st-a', { action: 'burstMessage', alertId: alert.id })).toEqual({
      ok: true,
      data: { alertId: alert.id, messaged: 4 },
    })
    expect(await station('st-a2', { action: 'burstMessage', alertId: alert.id })).toMatchObject({
      ok: false,
      error: { code: 'BURST_ALREADY_MESSAGED' },
    })
    const rows = (await alertRows()).filter((r) => r.template === 'burst.consumer.group_message')
    expect(rows.map((r) => r.recipient.id).sort()).toEqual([...shoppers].sort())
    expect(rows.every((r) => r.recipient.role === 'consumer')).toBe(true)
    await dispatchOutbox(world.deps, {}, hours(23.5))
    for (const subject of shoppers) {
      const inbox = await store.listInbox({ role: 'consumer', id: subject }, { limit: 100, offset: 0 })
      expect(inbox.filter((e) => e.template === 'burst.consumer.group_message').map((e) => e.title)).toEqual(['投诉合并处理通知'])
    }
  })

  it('when staff mediate the group, then each case with its shop enters station mediation through its own step; the others say why not', async () => {
    const [alert] = await store.listBurstAlerts(SITE_A.id, 1)
    for (const id of alert.caseIds.slice(0, 3)) {
      const steps = (await store.getCase(id))?.status === 'received' ? (['accept', 'dispatch'] as const) : (['dispatch'] as const)
      for (const step of steps) expect(await world.act('station', id, step, world.who['st-a'])).toMatchObject({ ok: true })
    }
    const r = await station('st-a', { action: 'burstMediate', alertId: alert.id, reason: '同一健身房预付卡纠纷，统一组织调解' })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    const byCase = Object.fromEntries(r.data.results.map((x: { caseId: string; ok: boolean; code: string | null }) => [x.caseId, x]))
    for (const id of alert.caseIds.slice(0, 3)) {
      expect(byCase[id]).toMatchObject({ ok: true, code: null })
      expect((await store.getCase(id))?.status).toBe('mediating')
      const events = await store.listEvents(id)
      expect(events[events.length - 1]).toMatchObject({ type: 'station_mediation', note: '合并调解：同一健身房预付卡纠纷，统一组织调解' })
    }
    for (const id of alert.caseIds.slice(3)) expect(byCase[id].ok).toBe(false) // still received: the state machine says no
    expect((await store.getBurstAlert(alert.id))?.mediated?.by).toBe('st-a')
  })
})
