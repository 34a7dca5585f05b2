import { callAs, type Data } from '../support/call-as'
import type { Store } from '../../cloudfunctions/ports/store'
import type { StoreInspection } from '../../cloudfunctions/ports/store-inspection'
import type { PlatformIdentity } from '../../cloudfunctions/services/resolve-caller'
import { loginStaff } from '../../cloudfunctions/services/staff-auth'
import { aSubmission, unique } from '../support/builders'
import { SHOP_A, SHOP_B, SITE_A, SITE_B, seedTwoShops } from '../support/seed-shops'
import { makeDeps, openTestStore } from '../support/test-deps'

const T0 = new Date('2026-03-10T02:00:00Z') // 10:00 Beijing, Tuesday

// What each viewer reads of a case: the board with its clocks and filters, and the case pages with
// exactly the steps that viewer may take.
describe('station board and case pages', () => {
  let store: Store & StoreInspection
  let deps: ReturnType<typeof makeDeps>
  const staff: Record<string, PlatformIdentity> = {}
  const run = (fn: 'consumer' | 'merchant' | 'station', event: object, as: PlatformIdentity) => callAs(deps, fn, event, as)
  const file = async (subject: string, over = {}) => {
    const r = await run(
      'consumer',
      aSubmission(SHOP_A.code, { idempotencyKey: unique('b').padEnd(16, '0'), phone: '13812345678', ...over }),
      { subject },
    )
    if (!r.ok) throw new Error(r.error.code)
    return r.data.caseId as string
  }
  const board = async (filter: object = {}) => {
    const r = await run('station', { action: 'listCases', ...filter }, staff.a)
    if (!r.ok) throw new Error(r.error.code)
    return r.data.items as Data[]
  }

  beforeAll(async () => {
    store = await openTestStore()
    deps = makeDeps(store, T0)
    await seedTwoShops(store)
    const passwordHash = await deps.secrets.hashPassword('pw-123456')
    await store.saveStaff({
      id: 'a',
      username: 'a',
      displayName: '星河站',
      role: 'station',
      siteId: SITE_A.id,
      passwordHash,
      createdAt: T0.toISOString(),
    })
    await store.saveStaff({
      id: 'b',
      username: 'b',
      displayName: '滨江站',
      role: 'station',
      siteId: SITE_B.id,
      passwordHash,
      createdAt: T0.toISOString(),
    })
    await store.saveMembership({
      id: 'ma',
      merchantId: SHOP_A.id,
      siteId: SITE_A.id,
      subject: 'clerk-a',
      status: 'active',
      createdAt: T0.toISOString(),
    })
    await store.saveMembership({
      id: 'mb',
      merchantId: SHOP_B.id,
      siteId: SITE_B.id,
      subject: 'clerk-b',
      status: 'active',
      createdAt: T0.toISOString(),
    })
    for (const u of ['a', 'b']) {
      const login = await loginStaff(deps, u, 'pw-123456')
      if (!login.ok) throw new Error(login.error.code)
      staff[u] = { subject: `desk-${u}`, staffSessionToken: login.data.token }
    }
  })
  afterAll(() => store.close())

  it('when a shopper opens their new case, then it says when to expect an answer and offers only withdrawal', async () => {
    deps.clock.set(T0)
    const caseId = await file('shopper-next')
    const mine = await run('consumer', { action: 'getMyCase', caseId }, { subject: 'shopper-next' })
    expect(mine).toMatchObject({ ok: true, data: { nextStep: '预计 3月11日 前告知是否受理', actions: ['withdraw'], outcome: null } })
    const clocks = mine.ok ? (mine.data.clocks as Data[]) : []
    expect(clocks.find((c) => c.clockId === 'accept_decision')).toMatchObject({
      colour: 'green',
      explanation: expect.stringContaining('7 个工作日，至 2026-03-19 24:00'),
    })
  })

  it('when station staff open a case, then they see everything and the steps their role may take; another site sees nothing', async () => {
    const caseId = await file('shopper-station', { name: '王小明' })
    const detail = await run('station', { action: 'getCase', caseId }, staff.a)
    expect(detail).toMatchObject({
      ok: true,
      data: { complainant: { name: '王小明', phone: '13812345678' }, actions: ['accept', 'reject', 'transfer', 'fastTrack'] }, // fast-track is the station's choice at intake (issue 17)
    })
    expect(await run('station', { action: 'getCase', caseId }, staff.b)).toMatchObject({ ok: false, error: { code: 'CASE_NOT_FOUND' } })
    // every staff view of personal data is logged; the refused look from the other site is not a view
    expect(await store.listAccessOfCase(caseId)).toEqual([
      expect.objectContaining({ viewer: { role: 'station', id: 'a' }, purpose: 'station.getCase' }),
    ])
  })

  it('when the merchant opens its case, then the complainant is masked unless they opted in, and the steps are answer and check-in', async () => {
    const masked = await file('shopper-m1', { name: '李阿姨' })
    const shared = await file('shopper-m2', { name: '李阿姨', sharePhoneWithMerchant: true })
    for (const id of [masked, shared])
      for (const caseAction of ['accept', 'dispatch']) await run('station', { action: 'actOnCase', caseId: id, caseAction }, staff.a)
    expect(await run('merchant', { action: 'getCase', caseId: masked }, { subject: 'clerk-a' })).toMatchObject({
      ok: true,
      data: { complainant: { name: '李**', phone: '138****5678', address: '（已隐藏）' }, actions: ['answer', 'checkIn'] },
    })
    expect(await run('merchant', { action: 'getCase', caseId: shared }, { subject: 'clerk-a' })).toMatchObject({
      ok: true,
      data: { complainant: { phone: '13812345678' } },
    })
    expect(await run('merchant', { action: 'getCase', caseId: masked }, { subject: 'clerk-b' })).toMatchObject({
      ok: false,
      error: { code: 'CASE_NOT_FOUND' },
    })
  })

  it('when a report names a shop, then the station cannot send it there and the clerk cannot open it (tests/functions/report-invisible)', async () => {
    const caseId = await file('reporter', { kind: 'report', anonymous: false, name: '赵六', demands: [] })
    await run('station', { action: 'actOnCase', caseId, caseAction: 'accept' }, staff.a)
    expect(await run('station', { action: 'actOnCase', caseId, caseAction: 'dispatch' }, staff.a)).toMatchObject({
      ok: false,
      error: { code: 'REPORT_NOT_FOR_MERCHANT' },
    })
    expect(await run('merchant', { action: 'getCase', caseId }, { subject: 'clerk-a' })).toMatchObject({
      ok: false,
      error: { code: 'CASE_NOT_FOUND' },
    })
  })

  it('when the board is read, then open cases come due-soonest first with their colour, and the filters narrow it', async () => {
    deps.clock.set(T0)
    const urgent = await file('shopper-urgent')
    for (const caseAction of ['accept', 'dispatch']) await run('station', { action: 'actOnCase', caseId: urgent, caseAction }, staff.a) // 45-minute clock
    const closedLater = await file('shopper-withdraws')
    await run('consumer', { action: 'actOnMyCase', caseId: closedLater, caseAction: 'withdraw' }, { subject: 'shopper-withdraws' })
    deps.clock.set(new Date(T0.getTime() + 40 * 60_000)) // 40 minutes on: the merchant clock is yellow
    const items = await board()
    // the merchant clocks (45 minutes) come first — ours and those of earlier tests' dispatched cases
    expect(items[0]).toMatchObject({ nextDue: { clockId: 'merchant_response', colour: 'yellow' } })
    expect(items.find((i) => i.id === urgent)).toMatchObject({ nextDue: { clockId: 'merchant_response', colour: 'yellow' } })
    expect(items.map((i) => i.id)).not.toContain(closedLater) // withdrawn: not open
    const dues = items.map((i) => i.nextDue?.dueAt ?? '~')
    expect(dues).toEqual([...dues].sort())
    const yellow = await board({ colour: 'yellow' })
    expect(yellow.map((i) => i.id)).toContain(urgent)
    expect(yellow.every((i) => i.nextDue?.colour === 'yellow')).toBe(true)
    expect((await board({ colour: 'green' })).map((i) => i.id)).not.toContain(urgent)
    expect((await board({ scope: 'all', status: 'withdrawn' })).map((i) => i.id)).toEqual([closedLater])
    expect((await board({ kind: 'report' })).every((i) => i.kind === 'report')).toBe(true)
    expect(await board({ merchantCode: 'NOPE99' })).toEqual([])
    expect((await board({ merchantCode: SHOP_A.code.toLowerCase() })).length).toBeGreaterThan(0)
  })
})
