import type { Store } from '../../cloudfunctions/ports/store'
import type { StoreInspection } from '../../cloudfunctions/ports/store-inspection'
import type { PlatformIdentity } from '../../cloudfunctions/services/resolve-caller'
import { loginStaff } from '../../cloudfunctions/services/staff-auth'
import { callAs } from '../support/call-as'
import { openWorkflowWorld } from '../support/workflow-world'

// 标签 (docs/tags.md), through the functions: proposed at filing, confirmed by the case's own staff
// (who and when), used as a board filter, and edited only by an administrator. Object by object:
// another site's station is told the case does not exist.
describe('tags on cases', () => {
  let store: Store & StoreInspection
  let world: Awaited<ReturnType<typeof openWorkflowWorld>>
  let admin: PlatformIdentity

  beforeAll(async () => {
    world = await openWorkflowWorld()
    store = world.store
    const passwordHash = await world.deps.secrets.hashPassword('pw-123456')
    await store.saveStaff({
      id: 'adm',
      username: 'adm',
      displayName: '管理员',
      role: 'admin',
      siteId: null,
      passwordHash,
      createdAt: '2026-03-10T02:00:00.000Z',
    })
    const login = await loginStaff(world.deps, 'adm', 'pw-123456')
    if (!login.ok) throw new Error(login.error.code)
    admin = { subject: 'adm-desk', staffSessionToken: login.data.token }
  })
  afterAll(() => store.close())

  const station = (event: Record<string, unknown>, as: PlatformIdentity) => callAs(world.deps, 'station', event, as)
  const staff = (event: Record<string, unknown>, as: PlatformIdentity) => callAs(world.deps, 'staff', event, as)

  it('when a complaint about expired milk is filed, then its station sees 食品安全 and 退换货 proposed; confirming a changed set records who and when, and the board filters on it', async () => {
    const caseId = await world.file('tag-1', { description: '买到的牛奶已经过期了，要求退款', product: '牛奶' })
    const shown = await station({ action: 'caseTags', caseId }, world.who['st-a'])
    expect(shown).toMatchObject({
      ok: true,
      data: { caseId, proposed: ['food-safety', 'return-exchange'], confirmed: null, confirmedBy: null },
    })
    expect(shown.ok && (shown.data.tags as unknown[]).length).toBe(20)

    const confirmed = await station({ action: 'confirmTags', caseId, tagIds: ['quality', 'food-safety'] }, world.who['st-a'])
    expect(confirmed).toMatchObject({
      ok: true,
      data: { proposed: ['food-safety', 'return-exchange'], confirmed: ['quality', 'food-safety'], confirmedBy: '星河站' },
    })
    expect(await store.getCaseTags(caseId)).toMatchObject({ confirmedBy: 'st-a', confirmedAt: world.deps.clock.now().toISOString() })

    const board = (tag: string) => station({ action: 'listCases', tag }, world.who['st-a'])
    const ids = async (tag: string) => {
      const r = await board(tag)
      return r.ok ? (r.data.items as { id: string }[]).map((i) => i.id) : r.error.code
    }
    expect(await ids('food-safety')).toEqual([caseId])
    expect(await ids('return-exchange')).toEqual([]) // proposed, not confirmed
  })

  it('when another site’s station, a shop clerk or an administrator asks for or confirms a case’s tags, then each is refused and nothing is written', async () => {
    const caseId = await world.file('tag-2', { description: '健身房会员卡充值后老板跑路了' })
    const before = await store.getCaseTags(caseId)
    for (const action of [
      { action: 'caseTags', caseId },
      { action: 'confirmTags', caseId, tagIds: ['prepaid-card'] },
    ]) {
      expect(await station(action, world.who['st-b'])).toMatchObject({ ok: false, error: { code: 'CASE_NOT_FOUND' } })
      expect(await station(action, world.who.clerkA)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
      expect(await station(action, admin)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } }) // an administrator reads no case
    }
    expect(await store.getCaseTags(caseId)).toEqual(before)
  })

  it('when staff confirm an unknown or disabled tag, then it is refused with the field named', async () => {
    const caseId = await world.file('tag-3')
    const r = await station({ action: 'confirmTags', caseId, tagIds: ['no-such-tag'] }, world.who['st-a'])
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { tagIds: expect.any(String) } } })
  })

  it('when a station clerk tries to edit tags, then it is refused; the administrator adds, renames and disables, and the proposals follow the data', async () => {
    const input = { action: 'saveTag', name: '共享单车', phrases: ['单车押金'], active: true }
    expect(await staff(input, world.who['st-a'])).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await staff({ action: 'listAllTags' }, world.who['st-a'])).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await staff({ ...input, name: '质量问题' }, admin)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', fields: { name: '已有同名标签' } },
    })

    const added = await staff(input, admin)
    if (!added.ok) throw new Error(added.error.code)
    const bikeId = added.data.id as string
    const first = await world.file('tag-4', { description: '共享单车的单车押金一直不退，打客服电话也没人处理' })
    expect(await station({ action: 'caseTags', caseId: first }, world.who['st-a'])).toMatchObject({
      ok: true,
      data: { proposed: ['return-exchange', bikeId] },
    })

    expect(await staff({ action: 'saveTag', id: bikeId, name: '共享出行', phrases: ['单车押金'], active: false }, admin)).toMatchObject({
      ok: true,
      data: { id: bikeId, name: '共享出行', active: false },
    })
    const second = await world.file('tag-5', { description: '共享单车的单车押金一直不退，打客服电话也没人处理' })
    expect(await station({ action: 'caseTags', caseId: second }, world.who['st-a'])).toMatchObject({
      ok: true,
      data: { proposed: ['return-exchange'] },
    })
    const all = await staff({ action: 'listAllTags' }, admin)
    expect(all.ok && (all.data.tags as { id: string; active: boolean }[]).find((t) => t.id === bikeId)).toMatchObject({ active: false })
    const active = await station({ action: 'listTags' }, world.who['st-a'])
    expect(active.ok && (active.data.tags as { id: string }[]).map((t) => t.id)).not.toContain(bikeId)
  })
})
