import { callAs } from '../support/call-as'
import type { Store } from '../../cloudfunctions/ports/store'
import type { StoreInspection } from '../../cloudfunctions/ports/store-inspection'
import type { PlatformIdentity } from '../../cloudfunctions/services/resolve-caller'
import { loginStaff } from '../../cloudfunctions/services/staff-auth'
import { tick } from '../../cloudfunctions/services/tick'
import { aSubmission, unique } from '../support/builders'
import { SHOP_A, SITE_A, seedTwoShops } from '../support/seed-shops'
import { makeDeps, openTestStore } from '../support/test-deps'

const T0 = new Date('2026-03-10T06:00:00Z') // 14:00 Beijing, a working Tuesday
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000)

// The clocks on a fake clock: a merchant who stays silent is reminded, urged, and carded red,
// with the station and then the regulator told — each alert exactly once.
describe('clocks and the tick', () => {
  let store: Store & StoreInspection
  let deps: ReturnType<typeof makeDeps>
  let station: PlatformIdentity
  const run = (fn: 'consumer' | 'merchant' | 'station', event: object, as: PlatformIdentity) => callAs(deps, fn, event, as)
  const alertsOf = async (caseId: string) =>
    (await store.listPendingOutbox(1000))
      .filter((m) => m.caseId === caseId && m.template.startsWith('clock.merchant_response'))
      .map((m) => `${m.template}→${m.recipient.role}`)

  beforeAll(async () => {
    store = await openTestStore()
    deps = makeDeps(store, T0)
    await seedTwoShops(store)
    await store.saveStaff({
      id: 'st',
      username: 'st',
      displayName: '站',
      role: 'station',
      siteId: SITE_A.id,
      passwordHash: await deps.secrets.hashPassword('pw-123456'),
      createdAt: T0.toISOString(),
    })
    await store.saveMembership({
      id: 'm',
      merchantId: SHOP_A.id,
      siteId: SITE_A.id,
      subject: 'clerk',
      status: 'active',
      createdAt: T0.toISOString(),
    })
    const login = await loginStaff(deps, 'st', 'pw-123456')
    if (!login.ok) throw new Error(login.error.code)
    station = { subject: 'desk', staffSessionToken: login.data.token }
  })
  afterAll(() => store.close())

  const dispatchedCase = async () => {
    deps.clock.set(T0)
    const filed = await run('consumer', aSubmission(SHOP_A.code, { idempotencyKey: unique('tick').padEnd(16, '0') }), {
      subject: unique('shopper'),
    })
    if (!filed.ok) throw new Error(filed.error.code)
    const caseId = filed.data.caseId as string
    for (const caseAction of ['accept', 'dispatch']) await run('station', { action: 'actOnCase', caseId, caseAction }, station)
    return caseId
  }

  it('when a case is filed, then its clocks start with deadlines that explain themselves', async () => {
    deps.clock.set(T0)
    const filed = await run('consumer', aSubmission(SHOP_A.code, { idempotencyKey: unique('clk').padEnd(16, '0') }), { subject: 'someone' })
    const clocks = await store.listClocksOfCase(filed.ok ? filed.data.caseId : '')
    expect(clocks.map((c) => c.clockId).sort()).toEqual([
      'accept_decision',
      'case_number',
      'first_answer',
      'initial_review',
      'transfer_back',
    ])
    // a scan filing shows its case number on the receipt: that promise is kept at the filing (case-number-clock.ts)
    expect(clocks.find((c) => c.clockId === 'case_number')).toMatchObject({ stage: 'stopped', stoppedAt: clocks[0].startedAt })
    const decision = clocks.find((c) => c.clockId === 'accept_decision')!
    expect(decision.dueAt).toBe('2026-03-19T16:00:00.000Z') // 7 working days after Tue 10 March: Thu 19 March, 24:00
    expect(decision.explanation).toContain('7 个工作日')
  })

  it('when the merchant stays silent for 45 minutes, then reminder, urging (yellow) and red card go out once each, up the chain', async () => {
    const caseId = await dispatchedCase()
    await tick(deps, minutes(20))
    expect(await alertsOf(caseId)).toEqual([])
    await tick(deps, minutes(23))
    expect(await alertsOf(caseId)).toEqual(['clock.merchant_response.reminded→merchant'])
    await tick(deps, minutes(37))
    const yellow = await alertsOf(caseId)
    expect(yellow).toEqual(expect.arrayContaining(['clock.merchant_response.urged→merchant', 'clock.merchant_response.urged→station']))
    expect((await store.listClocksOfCase(caseId)).find((c) => c.clockId === 'merchant_response')?.stage).toBe('urged')
    await tick(deps, minutes(45))
    const red = await alertsOf(caseId)
    expect(red).toEqual(expect.arrayContaining(['clock.merchant_response.overdue→station', 'clock.merchant_response.overdue→regulator']))
    expect(red).toHaveLength(6)
    // the promise on the receipt: the silent shop's case goes to the station by itself, said as such
    expect(await store.getCase(caseId)).toMatchObject({ status: 'mediating' })
    const last = (await store.listEvents(caseId)).at(-1)
    expect(last).toMatchObject({ type: 'escalated', actor: { role: 'system', id: 'system' } })
    expect((await store.listClocksOfCase(caseId)).find((c) => c.clockId === 'merchant_response')).toMatchObject({ stage: 'stopped' })
  })

  it('when the tick runs twice at the same instant, then the second run changes nothing', async () => {
    const caseId = await dispatchedCase()
    const first = await tick(deps, minutes(40))
    const outboxAfterFirst = await alertsOf(caseId)
    const second = await tick(deps, minutes(40))
    expect(first.advanced).toBeGreaterThan(0)
    expect(second).toEqual({ examined: 0, advanced: 0, alerts: 0, escalated: 0 })
    expect(await alertsOf(caseId)).toEqual(outboxAfterFirst)
  })

  it('when the tick was down for an hour, then each card that came due is still sent once', async () => {
    const caseId = await dispatchedCase()
    await tick(deps, minutes(90))
    const alerts = await alertsOf(caseId)
    expect(alerts.filter((a) => a.startsWith('clock.merchant_response.reminded'))).toHaveLength(1)
    expect(alerts.filter((a) => a.startsWith('clock.merchant_response.urged'))).toHaveLength(2)
    expect(alerts.filter((a) => a.startsWith('clock.merchant_response.overdue'))).toHaveLength(3)
  })

  it('when the merchant answers in time, then its clock stops and the tick leaves it alone', async () => {
    const caseId = await dispatchedCase()
    deps.clock.set(minutes(10))
    const answered = await run(
      'merchant',
      {
        action: 'actOnCase',
        caseId,
        caseAction: 'answer',
        details: { kind: 'offer', remedy: 'refund', amountFen: 1250, note: '同意退款' },
      },
      { subject: 'clerk' },
    )
    expect(answered).toMatchObject({ ok: true })
    expect(await tick(deps, minutes(60))).toMatchObject({ escalated: 0 })
    expect(await alertsOf(caseId)).toEqual([])
    expect(await store.getCase(caseId)).toMatchObject({ status: 'merchant_answered' }) // an answer in time is never escalated
    expect((await store.listClocksOfCase(caseId)).find((c) => c.clockId === 'merchant_response')).toMatchObject({
      stage: 'stopped',
      nextCheckAt: null,
    })
  })

  it('when many cases are open but one clock is due, then the tick examines only that one', async () => {
    await tick(deps, minutes(200)) // settle everything due so far
    const caseId = await dispatchedCase() // its reminder is due at +22.5 minutes
    for (let i = 0; i < 30; i++)
      await run('consumer', aSubmission(SHOP_A.code, { idempotencyKey: unique('bulk').padEnd(16, '0') }), { subject: unique('many') })
    const report = await tick(deps, minutes(23))
    expect(report).toEqual({ examined: 1, advanced: 1, alerts: 1, escalated: 0 })
    expect(await alertsOf(caseId)).toEqual(['clock.merchant_response.reminded→merchant'])
  })
})
