import type { PlatformIdentity } from '../../cloudfunctions/services/resolve-caller'
import { loginStaff } from '../../cloudfunctions/services/staff-auth'
import { refreshStats, statsFilerKey } from '../../cloudfunctions/services/stats-upkeep'
import { caseFactsOf, type CaseFacts } from '../../src/domain/metrics/case-facts'
import { metricsOf } from '../../src/domain/metrics/metrics'
import { callAs, type Data } from '../support/call-as'
import { aSubmission } from '../support/builders'
import { SHOP_A, SHOP_B, SITE_A, SITE_B } from '../support/seed-shops'
import { openWorkflowWorld } from '../support/workflow-world'

// station.stats through the real function and the real PGlite store (B18's SQL adapter and upkeep): cases
// filed and handled through the services, the statistics refreshed as the host does after a tick, then
// read by each role. Figures equal the domain's direct count of the same cases; authorization is checked
// object by object (a station reads its own site only; shops and shoppers are refused).
describe('station.stats on PGlite', () => {
  let world: Awaited<ReturnType<typeof openWorkflowWorld>>
  const ids: string[] = []
  const reg: Record<string, PlatformIdentity> = {}
  const MARCH = { from: '2026-03-01', to: '2026-03-31', unit: 'month' }
  const stats = (as: PlatformIdentity, input: Record<string, unknown> = {}) =>
    callAs(world.deps, 'station', { action: 'stats', ...MARCH, ...input }, as)

  beforeAll(async () => {
    world = await openWorkflowWorld()
    const { store, deps, act, file, who } = world
    const passwordHash = await deps.secrets.hashPassword('pw-123456')
    const createdAt = '2026-03-10T02:00:00.000Z'
    for (const [id, siteId, role] of [
      ['reg-city', null, 'regulator'],
      ['reg-b', SITE_B.id, 'regulator'],
      ['px-a', SITE_A.id, 'proxy'],
    ] as const) {
      await store.saveStaff({ id, username: id, displayName: '市场监管', role, siteId, passwordHash, createdAt })
      const login = await loginStaff(deps, id, 'pw-123456')
      if (!login.ok) throw new Error(login.error.code)
      reg[id] = { subject: `${id}-desk`, staffSessionToken: login.data.token }
    }
    // site A: three complaints (one shopper files two), one accepted; site B: one complaint
    ids.push(await file('shopper-1'), await file('shopper-1'), await file('shopper-2'))
    const b = await callAs(deps, 'consumer', aSubmission(SHOP_B.code, { idempotencyKey: 'stats-b-0000000001' }), { subject: 'shopper-3' })
    if (!b.ok) throw new Error(b.error.code)
    ids.push(b.data.caseId)
    expect(await act('station', ids[0], 'accept', who['st-a'], '', { completionKind: 'goods' })).toMatchObject({ ok: true })
    deps.clock.advance(60 * 60_000)
    await refreshStats(deps, deps.clock.now())
  })
  afterAll(() => world.store.close())

  /** The domain's own count of the cases, as of the refresh. */
  async function directFacts(): Promise<CaseFacts[]> {
    const { store, deps } = world
    const clocks = await store.listClocksOfCases(ids)
    const facts: CaseFacts[] = []
    for (const id of ids) {
      const c = (await store.getCase(id))!
      facts.push(
        caseFactsOf(
          c,
          await store.listEvents(id),
          clocks.filter((k) => k.caseId === id),
          { asOf: deps.clock.now(), filerKey: statsFilerKey(deps) },
        ),
      )
    }
    return facts
  }
  const totalOf = (facts: CaseFacts[]) => metricsOf(facts, { range: { from: MARCH.from, to: MARCH.to }, by: [] })[0].metrics

  it('when a station asks for its month, then the figures are its own site’s cases, as the domain counts them, with the watermark', async () => {
    const r = await stats(world.who['st-a'])
    expect(r.ok).toBe(true)
    const data = (r as { data: Data }).data
    const own = (await directFacts()).filter((f) => f.dims.site === SITE_A.id)
    expect(data.total).toEqual(totalOf(own))
    expect(data.total.volume).toBe(3)
    expect(data.total.repeatComplainants).toEqual({ keys: 1, cases: 2 }) // shopper-1, twice
    expect(data).toMatchObject({ siteId: SITE_A.id, siteName: SITE_A.name, sites: [], watermark: world.deps.clock.now().toISOString() })
    expect(data.topMerchants).toEqual([
      { industry: SHOP_A.industry, merchants: [{ merchantId: SHOP_A.id, name: SHOP_A.name, volume: 3, threeMonthsTop3: false }] },
    ])
  })

  it('when a station names another site, then SITE_NOT_FOUND; the other station sees only its own case', async () => {
    expect(await stats(world.who['st-a'], { siteId: SITE_B.id })).toMatchObject({ ok: false, error: { code: 'SITE_NOT_FOUND' } })
    const b = await stats(world.who['st-b'])
    expect(b).toMatchObject({ ok: true, data: { siteId: SITE_B.id, total: { volume: 1 } } })
  })

  it('when the city regulator asks, then every site, or the one it picks; a district regulator only its own', async () => {
    const all = await stats(reg['reg-city'])
    expect(all).toMatchObject({ ok: true, data: { siteId: null, total: totalOf(await directFacts()) } })
    expect(await stats(reg['reg-city'], { siteId: SITE_B.id })).toMatchObject({ ok: true, data: { total: { volume: 1 } } })
    expect(await stats(reg['reg-b'])).toMatchObject({ ok: true, data: { siteId: SITE_B.id, total: { volume: 1 } } })
    expect(await stats(reg['reg-b'], { siteId: SITE_A.id })).toMatchObject({ ok: false, error: { code: 'SITE_NOT_FOUND' } })
  })

  it('when a shop clerk, a shopper or a proxy desk asks, then refused before any figure is read', async () => {
    // dispatch answers a caller with no staff sign-in UNAUTHENTICATED (the page sends them to the staff
    // login), and a signed-in staff member whose role is not allowed FORBIDDEN
    expect(await stats(world.who.clerkA)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    expect(await stats({ subject: 'shopper-1' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    expect(await stats(reg['px-a'])).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    for (const action of ['listStatsQueries', 'saveStatsQuery', 'deleteStatsQuery'])
      expect(await callAs(world.deps, 'station', { action }, reg['px-a'])).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('when a custom query filters a problem type, then the daily cube answers it and the figures still match', async () => {
    const facts = await directFacts()
    const type = facts[0].dims.problemType
    const r = await stats(reg['reg-city'], { view: 'custom', problemType: type })
    expect(r).toMatchObject({
      ok: true,
      data: { sources: { periods: 'day' }, total: totalOf(facts.filter((f) => f.dims.problemType === type)) },
    })
  })

  it('when a station saves a query, then only it lists it, and another station cannot delete it', async () => {
    const query = { ...MARCH, view: 'custom', industry: SHOP_A.industry }
    const saved = await callAs(world.deps, 'station', { action: 'saveStatsQuery', name: '三月 本行业', query }, world.who['st-a'])
    expect(saved).toMatchObject({ ok: true, data: { name: '三月 本行业', query: { industry: SHOP_A.industry } } })
    const id = (saved as { data: Data }).data.id
    const list = (as: PlatformIdentity) => callAs(world.deps, 'station', { action: 'listStatsQueries' }, as)
    expect(await list(world.who['st-a'])).toMatchObject({ ok: true, data: { items: [{ id, name: '三月 本行业' }] } })
    expect(await list(world.who['st-b'])).toEqual({ ok: true, data: { items: [] } })
    expect(await callAs(world.deps, 'station', { action: 'deleteStatsQuery', id }, world.who['st-b'])).toMatchObject({
      ok: false,
      error: { code: 'STATS_QUERY_NOT_FOUND' },
    })
    expect(await callAs(world.deps, 'station', { action: 'deleteStatsQuery', id }, world.who['st-a'])).toEqual({ ok: true, data: { id } })
    expect(await list(world.who['st-a'])).toEqual({ ok: true, data: { items: [] } })
  })

  it('when the range is upside down, then the field says so', async () => {
    expect(await stats(world.who['st-a'], { from: '2026-03-31', to: '2026-03-01' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', fields: { to: '结束日期不能早于开始日期' } },
    })
  })
})
