import type { PlatformIdentity } from '../../cloudfunctions/services/resolve-caller'
import { loginStaff } from '../../cloudfunctions/services/staff-auth'
import type { IntakeInput } from '../../src/domain/intake-channel'
import { eventWords } from '../../src/domain/workflow/event-wording'
import { aSubmission, unique } from '../support/builders'
import { callAs } from '../support/call-as'
import { SHOP_A, SITE_A } from '../support/seed-shops'
import { openWorkflowWorld } from '../support/workflow-world'

// Every way a case arrives (issue 17.5, docs/domain.md "Channels"). Station staff type in a 12345
// hand-over, a caller or a visitor at the desk; a hand-over's clocks start when 12345 handed it
// over, not when someone typed it. The world's clock stands at 2026-03-10 10:00 Beijing (a Tuesday).
const HOUR = 3_600_000

describe('cases typed in at the desk, by channel', () => {
  let world: Awaited<ReturnType<typeof openWorkflowWorld>>
  let helper: PlatformIdentity

  beforeAll(async () => {
    world = await openWorkflowWorld()
    const passwordHash = await world.deps.secrets.hashPassword('helper-pass')
    await world.store.saveStaff({
      id: 'helper-x',
      username: 'helper-x',
      displayName: '社区代帮办员',
      role: 'proxy',
      siteId: SITE_A.id,
      passwordHash,
      createdAt: '2026-03-10T02:00:00.000Z',
    })
    const login = await loginStaff(world.deps, 'helper-x', 'helper-pass')
    if (!login.ok) throw new Error(login.error.code)
    helper = { subject: 'helper-x-desk', staffSessionToken: login.data.token }
  })
  afterAll(() => world.store.close())

  const fileAtDesk = (as: PlatformIdentity, intake: IntakeInput | undefined, over: Record<string, unknown> = {}) =>
    callAs(
      world.deps,
      'proxy',
      {
        ...aSubmission(SHOP_A.code, { name: '赵先生', phone: '13900001111', idempotencyKey: unique('in').padEnd(16, '0') }),
        action: 'fileComplaint',
        attestation: true,
        ...(intake ? { intake } : {}),
        ...over,
      },
      as,
    )

  it('when staff file a 12345 hand-over received yesterday afternoon, then every clock runs from the received time, not from the typing', async () => {
    // received 2026-03-09 16:30 Beijing = 08:30 UTC; typed the next morning at 10:00
    const r = await fileAtDesk(world.who['st-a'], {
      channel: 'hotline_12345',
      handoverNo: 'ZB-20260309-0042',
      receivedAt: '2026-03-09T16:30',
    })
    expect(r).toMatchObject({ ok: true, data: { status: 'received' } })
    if (!r.ok) return
    const caseId = r.data.caseId as string
    const received = '2026-03-09T08:30:00.000Z'

    const c = await world.store.getCase(caseId)
    expect(c).toMatchObject({ channel: 'hotline_12345', receivedAt: received, createdAt: '2026-03-10T02:00:00.000Z' })
    const clocks = await world.store.listClocksOfCase(caseId)
    const firstAnswer = clocks.find((k) => k.clockId === 'first_answer')
    expect(firstAnswer).toMatchObject({ startedAt: received, dueAt: '2026-03-10T08:30:00.000Z' }) // 24 hours from receipt
    expect(clocks.find((k) => k.clockId === 'transfer_back')).toMatchObject({ startedAt: received, dueAt: '2026-03-10T04:30:00.000Z' })
    // the 7 working days count from Monday 9 March: they end on Wednesday 18 March
    expect(clocks.find((k) => k.clockId === 'accept_decision')).toMatchObject({ startedAt: received })
    expect(clocks.find((k) => k.clockId === 'accept_decision')?.dueAt.startsWith('2026-03-18')).toBe(true)
    // every clock the filing started, started at the received time
    expect(new Set(clocks.map((k) => k.startedAt))).toEqual(new Set([received]))

    // the submitted event keeps the 转办单号 and the received time, hashed into the chain; the timeline says 12345
    const [submitted] = await world.store.listEvents(caseId)
    expect(submitted.details).toEqual({ kind: 'intake', channel: 'hotline_12345', handoverNo: 'ZB-20260309-0042', receivedAt: received })
    const desk = await callAs(world.deps, 'station', { action: 'getCase', caseId }, world.who['st-a'])
    if (!desk.ok) throw new Error(desk.error.code)
    const first = desk.data.timeline[0]
    expect(eventWords({ type: first.type, actorRole: first.actorRole, details: first.details })).toBe('12345转办投诉')
    expect(desk.data.timeline[0].detailText).toContain('转办单号 ZB-20260309-0042')
    expect(desk.data.complainant).toMatchObject({ name: '赵先生', phone: '13900001111' }) // typed by staff for the caller
  })

  it('when a hand-over is typed two hours after it came in, then the 24-hour answer is due two hours sooner than for a scan now', async () => {
    const r = await fileAtDesk(world.who['st-a'], {
      channel: 'hotline_12345',
      handoverNo: 'ZB-20260310-0007',
      receivedAt: '2026-03-10T08:00',
    })
    if (!r.ok) throw new Error(r.error.code)
    const firstAnswer = (await world.store.listClocksOfCase(r.data.caseId as string)).find((k) => k.clockId === 'first_answer')
    expect(Date.parse(firstAnswer!.dueAt) - world.deps.clock.now().getTime()).toBe(22 * HOUR)
  })

  it('when a caller phones in, then the channel is phone and, with no time given, it was received now', async () => {
    const r = await fileAtDesk(world.who['st-a'], { channel: 'phone' })
    if (!r.ok) throw new Error(r.error.code)
    const c = await world.store.getCase(r.data.caseId as string)
    expect(c).toMatchObject({ channel: 'phone', receivedAt: world.deps.clock.now().toISOString(), filedBy: 'proxy:st-a' })
    const [submitted] = await world.store.listEvents(c!.id)
    expect(submitted.details).toMatchObject({ kind: 'intake', channel: 'phone', handoverNo: '' })
  })

  it.each([
    [
      'a received time in the future',
      { channel: 'hotline_12345', handoverNo: 'ZB-1', receivedAt: '2026-03-10T11:00' },
      'intake.receivedAt',
    ],
    [
      'a received time 31 days back',
      { channel: 'hotline_12345', handoverNo: 'ZB-0001', receivedAt: '2026-02-07T09:00' },
      'intake.receivedAt',
    ],
    ['a hand-over with no 转办单号', { channel: 'hotline_12345', handoverNo: '', receivedAt: '2026-03-10T08:00' }, 'intake.handoverNo'],
    [
      'a 转办单号 of 41 characters',
      { channel: 'hotline_12345', handoverNo: 'Z'.repeat(41), receivedAt: '2026-03-10T08:00' },
      'intake.handoverNo',
    ],
    [
      'a 转办单号 with markup in it',
      { channel: 'hotline_12345', handoverNo: '<b>ZB1</b>', receivedAt: '2026-03-10T08:00' },
      'intake.handoverNo',
    ],
    ['a hand-over with no received time', { channel: 'hotline_12345', handoverNo: 'ZB-0002', receivedAt: '' }, 'intake.receivedAt'],
    ['a 转办单号 on a walk-in', { channel: 'walk_in', handoverNo: 'ZB-0003' }, 'intake.handoverNo'],
  ] as [string, IntakeInput, string][])(
    'when staff send %s, then the filing is refused on that field and nothing is filed',
    async (_what, intake, field) => {
      const before = (await world.store.listCasesFiledBy('proxy:st-a', { limit: 100, offset: 0 })).length
      const r = await fileAtDesk(world.who['st-a'], intake)
      expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
      if (r.ok) return
      expect(Object.keys(r.error.fields ?? {})).toContain(field)
      expect((await world.store.listCasesFiledBy('proxy:st-a', { limit: 100, offset: 0 })).length).toBe(before)
    },
  )

  it('when a proxy point’s helper tries to file a 12345 hand-over or a call, then it is refused; their own filings are the proxy channel', async () => {
    const handOver = await fileAtDesk(helper, { channel: 'hotline_12345', handoverNo: 'ZB-0004', receivedAt: '2026-03-10T08:00' })
    expect(handOver).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await fileAtDesk(helper, { channel: 'phone' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const own = await fileAtDesk(helper, undefined)
    if (!own.ok) throw new Error(own.error.code)
    expect(await world.store.getCase(own.data.caseId as string)).toMatchObject({
      channel: 'proxy',
      receivedAt: world.deps.clock.now().toISOString(),
    })
  })

  it('when a shopper files on their own phone, then the case was received when filed and no desk intake can be sent with it', async () => {
    const r = await callAs(world.deps, 'consumer', aSubmission(SHOP_A.code, { idempotencyKey: unique('own').padEnd(16, '0') }), {
      subject: 'shopper-own',
    })
    if (!r.ok) throw new Error(r.error.code)
    const c = await world.store.getCase(r.data.caseId as string)
    expect(c).toMatchObject({ channel: 'qr', receivedAt: c!.createdAt })
  })
})

describe('a desk filing sent twice', () => {
  let world: Awaited<ReturnType<typeof openWorkflowWorld>>
  beforeAll(async () => {
    world = await openWorkflowWorld()
  })
  afterAll(() => world.store.close())

  const send = (key: string, intake: IntakeInput) =>
    callAs(
      world.deps,
      'proxy',
      {
        ...aSubmission(SHOP_A.code, { name: '钱女士', phone: '13900002222', idempotencyKey: key }),
        action: 'fileComplaint',
        attestation: true,
        intake,
      },
      world.who['st-a'],
    )

  it('when the same hand-over is retried, then the first case comes back; the same key with another 转办单 or time is refused', async () => {
    const key = unique('retry').padEnd(16, '0')
    const intake: IntakeInput = { channel: 'hotline_12345', handoverNo: 'ZB-20260310-0100', receivedAt: '2026-03-10T08:00' }
    const first = await send(key, intake)
    if (!first.ok) throw new Error(first.error.code)
    world.deps.clock.advance(60_000)
    expect(await send(key, intake)).toMatchObject({ ok: true, data: { caseId: first.data.caseId } })
    expect(await send(key, { ...intake, handoverNo: 'ZB-20260310-0101' })).toMatchObject({
      ok: false,
      error: { code: 'IDEMPOTENCY_CONFLICT' },
    })
    expect(await send(key, { ...intake, receivedAt: '2026-03-10T08:05' })).toMatchObject({
      ok: false,
      error: { code: 'IDEMPOTENCY_CONFLICT' },
    })
  })

  it('when a call with no time given is retried a minute later, then it is still the same filing', async () => {
    const key = unique('call').padEnd(16, '0')
    const first = await send(key, { channel: 'phone' })
    if (!first.ok) throw new Error(first.error.code)
    world.deps.clock.advance(60_000)
    expect(await send(key, { channel: 'phone' })).toMatchObject({ ok: true, data: { caseId: first.data.caseId } })
  })
})
