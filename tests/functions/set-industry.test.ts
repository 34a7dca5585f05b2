import type { Store } from '../../cloudfunctions/ports/store'
import type { StoreInspection } from '../../cloudfunctions/ports/store-inspection'
import type { PlatformIdentity } from '../../cloudfunctions/services/resolve-caller'
import { loginStaff } from '../../cloudfunctions/services/staff-auth'
import { callAs } from '../support/call-as'
import { SITE_A } from '../support/seed-shops'
import { openWorkflowWorld } from '../support/workflow-world'

// 所属行业 is derived at filing (the shopper no longer picks it) and corrected by staff: station.setIndustry
// writes the new line with a chained event (who, from what, to what, why) that every timeline shows.
// Deny by default, object by object: only the case's own station and a regulator may change it.
describe('staff set a case’s industry line', () => {
  let store: Store & StoreInspection
  let world: Awaited<ReturnType<typeof openWorkflowWorld>>
  const who: Record<string, PlatformIdentity> = {}

  beforeAll(async () => {
    world = await openWorkflowWorld()
    store = world.store
    const passwordHash = await world.deps.secrets.hashPassword('pw-123456')
    const createdAt = '2026-03-10T02:00:00.000Z'
    await store.saveStaff({ id: 'reg-1', username: 'reg-1', displayName: '市局', role: 'regulator', siteId: null, passwordHash, createdAt })
    await store.saveStaff({
      id: 'px-1',
      username: 'px-1',
      displayName: '代办员',
      role: 'proxy',
      siteId: SITE_A.id,
      passwordHash,
      createdAt,
    })
    for (const id of ['reg-1', 'px-1']) {
      const login = await loginStaff(world.deps, id, 'pw-123456')
      if (!login.ok) throw new Error(login.error.code)
      who[id] = { subject: `${id}-desk`, staffSessionToken: login.data.token }
    }
  })
  afterAll(() => store.close())

  const setIndustry = (caseId: string, industry: string, as: PlatformIdentity, reason = '') =>
    callAs(world.deps, 'station', { action: 'setIndustry', caseId, industry, reason }, as)
  /** another line than the case's own */
  const otherThan = async (caseId: string) => ((await store.getCase(caseId))?.industry === '价格' ? '食品' : '价格')

  it('when the case’s own station changes the line with a reason, then the case has it and every timeline says who changed it from what to what', async () => {
    const caseId = await world.file('ind-1')
    const before = (await store.getCase(caseId))!
    const to = await otherThan(caseId)
    const r = await setIndustry(caseId, to, world.who['st-a'], '投诉的是标价与结算价不一致')
    expect(r).toMatchObject({ ok: true, data: { caseId, status: before.status, version: before.version + 1 } })

    const after = (await store.getCase(caseId))!
    expect(after).toEqual({ ...before, industry: to, updatedAt: after.updatedAt, version: before.version + 1 }) // nothing else moved
    expect((await store.listEvents(caseId)).at(-1)).toMatchObject({
      type: 'industry_changed',
      actor: { role: 'station', id: 'st-a' },
      note: '投诉的是标价与结算价不一致',
      details: { kind: 'industry', from: before.industry, to },
    })
    const sentence = `所属行业由「${before.industry}」改为「${to}」`
    const views = [
      await callAs(world.deps, 'station', { action: 'getCase', caseId }, world.who['st-a']),
      await callAs(world.deps, 'consumer', { action: 'getMyCase', caseId }, { subject: 'ind-1' }),
      await callAs(world.deps, 'merchant', { action: 'getCase', caseId }, world.who.clerkA),
    ]
    for (const view of views) {
      expect(view).toMatchObject({ ok: true, data: { industry: to } })
      if (view.ok) expect(view.data.timeline.at(-1)).toMatchObject({ type: 'industry_changed', detailText: sentence })
    }
    // the board's 所属行业 filter finds it under the new line only
    const board = async (industry: string) => {
      const r = await callAs(world.deps, 'station', { action: 'listCases', industry, scope: 'all' }, world.who['st-a'])
      return r.ok ? r.data.items.map((i: { id: string }) => i.id) : r
    }
    expect(await board(to)).toContain(caseId)
    expect(await board(before.industry)).not.toContain(caseId)
    // the record stays whole: the event commits to the row with the new line
    const check = await callAs(world.deps, 'station', { action: 'verifyCase', caseId }, world.who['st-a'])
    expect(check).toMatchObject({ ok: true, data: { intact: true, findings: [] } })
  })

  it('when a regulator changes the line with no reason, then it is recorded as the regulator’s, without a note', async () => {
    const caseId = await world.file('ind-2')
    const to = await otherThan(caseId)
    expect(await setIndustry(caseId, to, who['reg-1'])).toMatchObject({ ok: true })
    expect((await store.getCase(caseId))?.industry).toBe(to)
    expect((await store.listEvents(caseId)).at(-1)).toMatchObject({
      type: 'industry_changed',
      actor: { role: 'regulator', id: 'reg-1' },
      note: null,
    })
  })

  it('when a merchant, the shopper, a proxy helper or another site’s station tries, then each is refused and nothing is written', async () => {
    const caseId = await world.file('ind-3')
    const before = await store.getCase(caseId)
    const events = (await store.listEvents(caseId)).length
    const to = await otherThan(caseId)
    // a shop's clerk and a shopper are no staff at all: the station's function asks them to sign in
    expect(await setIndustry(caseId, to, world.who.clerkA)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    expect(await setIndustry(caseId, to, { subject: 'ind-3' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    expect(await setIndustry(caseId, to, who['px-1'])).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    // another site's station learns nothing, not even that the case exists
    expect(await setIndustry(caseId, to, world.who['st-b'])).toMatchObject({ ok: false, error: { code: 'CASE_NOT_FOUND' } })
    // the shop's own function has no such action
    const viaShop = await callAs(world.deps, 'merchant', { action: 'setIndustry', caseId, industry: to, reason: '' }, world.who.clerkA)
    expect(viaShop).toMatchObject({ ok: false })
    expect(await store.getCase(caseId)).toEqual(before)
    expect(await store.listEvents(caseId)).toHaveLength(events)
  })

  it('when the line is not one of the ten, or is the line the case already has, then it is refused with the field named', async () => {
    const caseId = await world.file('ind-4')
    const current = (await store.getCase(caseId))!.industry
    expect(await setIndustry(caseId, '外卖', world.who['st-a'])).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', fields: { industry: '请选择所属行业' } },
    })
    expect(await setIndustry(caseId, current, world.who['st-a'])).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', fields: { industry: `所属行业已经是「${current}」` } },
    })
    expect(await store.listEvents(caseId)).toHaveLength(1)
  })
})
