import { API } from '../../src/domain/api/contract'
import type { PlatformIdentity } from '../../cloudfunctions/services/resolve-caller'
import { aUscc } from '../support/builders'
import { openMerchantWorld, SITE_Y, type MerchantWorld } from './merchant-world'

// 管理 → 商户 reuses the station's registry pages for the site the administrator picked (`site`,
// docs/admin-pages.md) rather than copying them. That holds only if the administrator may do, on a
// site it names, every registry action those pages use: checked here one action at a time, and for
// every action of the function, so a new registry action needs a decision here too.
type RegistryAction = keyof typeof API.registry
type Outcome = 'ok' | string

describe('an administrator on the registry of a site it names', () => {
  let world: MerchantWorld
  let admin: PlatformIdentity
  const registry = (event: object) => world.call('registry', event, admin)
  const outcome = async (event: object): Promise<Outcome> => {
    const r = await registry(event)
    return r.ok ? 'ok' : r.error.code
  }

  beforeAll(async () => {
    world = await openMerchantWorld()
    const passwordHash = await world.deps.secrets.hashPassword('pw-123456')
    await world.store.saveStaff({
      id: 'city-admin',
      username: 'city-admin',
      displayName: '市管理员',
      role: 'admin',
      siteId: null,
      passwordHash,
      createdAt: new Date().toISOString(),
    })
    admin = await world.staff('city-admin')
  })
  afterAll(() => world.store.close())

  it('when the administrator names no site, then the list asks for one (why the pages carry `site`); naming one, it gets that site', async () => {
    expect(await registry({ action: 'listMerchants' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', fields: { siteId: '请选择站点' } },
    })
    const list = await registry({ action: 'listMerchants', siteId: SITE_Y.id })
    expect(list).toMatchObject({ ok: true, data: { siteId: SITE_Y.id, siteName: '滨江天街' } })
    expect(list.ok && (list.data.items as { id: string }[]).map((m) => m.id)).toEqual([world.shops.three.merchant.id])
  })

  it("when the administrator works on a site's shop, then every registry action of the shop pages is allowed on it, action by action", async () => {
    const three = world.shops.three.merchant
    const invite = await world.must('registry', { action: 'issueInvite', merchantId: three.id }, admin)
    const pending = await world.must('merchant', { action: 'redeemInvite', code: invite.code }, { subject: 'admin-made-clerk' })
    const other = await world.must('registry', { action: 'issueInvite', merchantId: three.id }, admin)
    const shop = {
      name: '管理员登记的店',
      uscc: aUscc(),
      address: '滨江路1号 2F-01',
      booth: '2F-01',
      industry: '食品',
      doubleCommitmentSigned: false,
      responseMinutes: 45,
      onSiteMinutes: 90,
      contactName: '',
      contactPhone: '',
    }
    // what each action answers the administrator; MINI_CODE_UNAVAILABLE: in scope, but this host draws no codes
    const expected: Record<RegistryAction, [object, Outcome]> = {
      listMerchants: [{ siteId: SITE_Y.id }, 'ok'],
      getMerchant: [{ merchantId: three.id }, 'ok'],
      saveMerchant: [{ ...shop, siteId: SITE_Y.id }, 'ok'],
      importMerchantsCsv: [{ siteId: SITE_Y.id, csv: `店铺名称,统一社会信用代码,行业\n导入的店,${aUscc()},食品\n` }, 'ok'],
      issueInvite: [{ merchantId: three.id }, 'ok'],
      withdrawInvite: [{ inviteId: other.inviteId }, 'ok'],
      listMembers: [{ merchantId: three.id }, 'ok'],
      decideMember: [{ membershipId: pending.membershipId, approve: true }, 'ok'],
      revokeMember: [{ membershipId: pending.membershipId }, 'ok'],
      posterData: [{ siteId: SITE_Y.id }, 'ok'],
      miniCode: [{ merchantId: three.id }, 'MINI_CODE_UNAVAILABLE'],
      inviteMiniCode: [{ inviteId: invite.inviteId, code: invite.code }, 'MINI_CODE_UNAVAILABLE'],
    }
    expect(Object.keys(expected).sort()).toEqual(Object.keys(API.registry).sort())
    const answered: Record<string, Outcome> = {}
    for (const [action, [input]] of Object.entries(expected)) answered[action] = await outcome({ action, ...input })
    expect(answered).toEqual(Object.fromEntries(Object.entries(expected).map(([action, [, want]]) => [action, want])))

    // and what it did landed on the site it named
    const list = await world.must('registry', { action: 'listMerchants', siteId: SITE_Y.id }, admin)
    expect((list.items as { name: string }[]).map((m) => m.name)).toEqual(expect.arrayContaining(['管理员登记的店', '导入的店']))
    expect((await world.store.getMembership(pending.membershipId))?.status).toBe('revoked')
  })
})
