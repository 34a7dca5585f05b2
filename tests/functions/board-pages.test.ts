import type { Store } from '../../cloudfunctions/ports/store'
import type { PlatformIdentity } from '../../cloudfunctions/services/resolve-caller'
import { loginStaff } from '../../cloudfunctions/services/staff-auth'
import type { Case } from '../../src/domain/case.schema'
import type { CaseClock } from '../../src/domain/clocks/case-clock'
import { callAs, type Data } from '../support/call-as'
import { aCase, aSubmittedEvent } from '../support/builders'
import { SHOP_A, SHOP_B, SITE_A, seedTwoShops } from '../support/seed-shops'
import { makeDeps, openTestStore } from '../support/test-deps'

// Issue 13: the board used to read the newest 500 cases of a site and filter them in memory, so
// from a few hundred cases on, older open cases never appeared. Here a site has 600 open cases and
// closed ones filed after them; every open one must be reachable, page by page, in due order.
const NOW = new Date('2026-03-10T06:00:00.000Z')
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000).toISOString()
const OPEN_ON_A = 600

/** A running clock due `dueIn` minutes from NOW (negative: already overdue). */
const clockDueIn = (c: Case, dueIn: number): CaseClock => ({
  caseId: c.id,
  clockId: 'accept_decision',
  startedAt: minutes(dueIn - 60),
  dueAt: minutes(dueIn),
  remindAt: minutes(dueIn - 30),
  urgeAt: minutes(dueIn - 10),
  explanation: '测试时限',
  provisional: false,
  stage: 'running',
  nextCheckAt: minutes(dueIn - 30),
  stoppedAt: null,
})

describe('the board pages through every open case', () => {
  let store: Store
  let deps: ReturnType<typeof makeDeps>
  const staff: Record<string, PlatformIdentity> = {}
  /** due minutes from NOW of each open case on site A (null: no running clock) */
  const dueOf = new Map<string, number | null>()
  const closedIds: string[] = []
  const openOnB: string[] = []

  const file = async (c: Case, clocks: CaseClock[]) => {
    await store.createCase(c, aSubmittedEvent(c), [], { ids: [], uploadedBy: c.filedBy }, clocks)
  }
  /** Every page of the board for these filters, following nextCursor to the end. */
  const allPages = async (as: PlatformIdentity, filter: object = {}) => {
    const items: Data[] = []
    let cursor: string | undefined
    for (let pages = 0; pages < 100; pages++) {
      const r = await callAs(deps, 'station', { action: 'listCases', ...filter, ...(cursor ? { cursor } : {}) }, as)
      if (!r.ok) throw new Error(r.error.code)
      items.push(...(r.data.items as Data[]))
      cursor = (r.data.nextCursor as string | null | undefined) ?? undefined
      if (!cursor) return items
    }
    throw new Error('the board never reached its last page')
  }

  beforeAll(async () => {
    store = await openTestStore()
    deps = makeDeps(store, NOW)
    await seedTwoShops(store)
    for (let i = 0; i < OPEN_ON_A; i++) {
      // filed over the last 600 minutes; due times scattered (not in filing order), some overdue, every tenth with no clock
      const c = aCase(SHOP_A, {
        status: i % 3 === 0 ? 'received' : 'with_merchant',
        kind: i % 7 === 0 ? 'report' : 'complaint',
        channel: i % 5 === 0 ? 'proxy' : 'qr',
        product: i === 123 ? '限量版球鞋' : '鲜牛奶',
        ...(i === 42 ? { caseNo: 'KS-20260310-4242' } : {}),
        createdAt: minutes(-OPEN_ON_A + i - 120),
      })
      const dueIn = i % 10 === 0 ? null : ((i * 7919) % 600) - 100
      dueOf.set(c.id, dueIn)
      await file(c, dueIn === null ? [] : [clockDueIn(c, dueIn)])
    }
    for (let i = 0; i < 40; i++) {
      // closed cases filed after every open one, some with a running return-visit clock
      const c = aCase(SHOP_A, { status: 'closed', outcome: 'settled', createdAt: minutes(-60 + i) })
      closedIds.push(c.id)
      await file(c, i % 2 ? [clockDueIn(c, -200)] : [])
    }
    for (let i = 0; i < 30; i++) {
      const c = aCase(SHOP_B, { status: 'accepted', createdAt: minutes(-30 + i) })
      openOnB.push(c.id)
      await file(c, [clockDueIn(c, 1000 + i)])
    }
    const passwordHash = await deps.secrets.hashPassword('pw-123456')
    await store.saveStaff({
      id: 'a',
      username: 'a',
      displayName: '星河站',
      role: 'station',
      siteId: SITE_A.id,
      passwordHash,
      createdAt: NOW.toISOString(),
    })
    await store.saveStaff({
      id: 'r',
      username: 'r',
      displayName: '市局',
      role: 'regulator',
      siteId: null,
      passwordHash,
      createdAt: NOW.toISOString(),
    })
    for (const u of ['a', 'r']) {
      const login = await loginStaff(deps, u, 'pw-123456')
      if (!login.ok) throw new Error(login.error.code)
      staff[u] = { subject: `desk-${u}`, staffSessionToken: login.data.token }
    }
  }, 120_000)
  afterAll(() => store.close())

  it('when a site has 600 open cases and newer closed ones, then every open case appears exactly once across the pages, due soonest first', async () => {
    const items = await allPages(staff.a)
    const ids = items.map((i) => i.id as string)
    expect(new Set(ids).size).toBe(ids.length)
    expect(new Set(ids)).toEqual(new Set(dueOf.keys()))
    // due order: by due instant, cases with no running clock last
    const dues = items.map((i) => (i.nextDue ? Date.parse(i.nextDue.dueAt as string) : Infinity))
    expect(dues).toEqual([...dues].sort((a, b) => a - b))
    expect(items.filter((i) => i.nextDue === null)).toHaveLength(OPEN_ON_A / 10)
    // each row carries its clock and colour as of now
    const first = items[0]
    expect(first.nextDue).toMatchObject({ clockId: 'accept_decision', colour: 'red', stage: 'overdue', explanation: '测试时限' })
    expect(first.excerpt).toBe('买到的牛奶已经过期了，要求退款')
  })

  it("when a regulator pages the city board, then every site's open cases appear, and no closed one", async () => {
    const ids = (await allPages(staff.r)).map((i) => i.id as string)
    expect(ids).toHaveLength(OPEN_ON_A + openOnB.length)
    expect(new Set(ids)).toEqual(new Set([...dueOf.keys(), ...openOnB]))
  })

  it('when the filters are set, then each one narrows the pages to exactly the matching cases', async () => {
    const idsOf = async (filter: object) => new Set((await allPages(staff.a, filter)).map((i) => i.id as string))
    const expected = (pick: (dueIn: number | null) => boolean) => new Set([...dueOf].filter(([, d]) => pick(d)).map(([id]) => id))
    // red: due at or before now; yellow: due within 10 minutes (urge time passed); green: the rest with a clock
    expect(await idsOf({ colour: 'red' })).toEqual(expected((d) => d !== null && d <= 0))
    expect(await idsOf({ colour: 'yellow' })).toEqual(expected((d) => d !== null && d > 0 && d <= 10))
    expect(await idsOf({ colour: 'green' })).toEqual(expected((d) => d !== null && d > 10))

    const cases = await Promise.all([...dueOf.keys()].map((id) => store.getCase(id)))
    const where = (pick: (c: Case) => boolean) => new Set(cases.filter((c): c is Case => c !== null && pick(c)).map((c) => c.id))
    expect(await idsOf({ kind: 'report' })).toEqual(where((c) => c.kind === 'report'))
    expect(await idsOf({ channel: 'proxy' })).toEqual(where((c) => c.channel === 'proxy'))
    expect(await idsOf({ status: 'received' })).toEqual(where((c) => c.status === 'received'))
    expect(await idsOf({ text: '球鞋' })).toEqual(where((c) => c.product === '限量版球鞋'))
    expect(await idsOf({ text: '0310-4242' })).toEqual(where((c) => c.caseNo === 'KS-20260310-4242'))
    expect(await idsOf({ text: '100%' })).toEqual(new Set()) // % is a character, not a wildcard
    expect((await idsOf({ merchantCode: SHOP_A.code })).size).toBe(OPEN_ON_A)
    expect(await idsOf({ merchantCode: SHOP_B.code })).toEqual(new Set())
    expect(await idsOf({ scope: 'all', status: 'closed' })).toEqual(new Set(closedIds))
  })

  it('when a cursor was not handed out by the board, then the request is refused with a field error', async () => {
    const r = await callAs(deps, 'station', { action: 'listCases', cursor: 'not-a-cursor' }, staff.a)
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
  })
})
