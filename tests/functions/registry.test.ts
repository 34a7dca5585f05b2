import { API } from '../../src/domain/api/contract'
import { MERCHANT_CODE_ALPHABET } from '../../src/domain/merchant.schema'
import { aUscc } from '../support/builders'
import type { PlatformIdentity } from '../../cloudfunctions/services/resolve-caller'
import { openMerchantWorld, SITE_X, SITE_Y, type MerchantWorld } from './merchant-world'

// The registry function: a station keeps its own site's shops; another site's shops, bindings and
// invites answer "not found" to it, for every action of the function.
type RegistryAction = keyof typeof API.registry

const form = (over: Record<string, unknown> = {}) => ({
  name: '新开的奶茶店',
  uscc: aUscc(),
  address: '星河路88号 1F-20',
  booth: '1F-20',
  industry: '食品',
  doubleCommitmentSigned: true,
  responseMinutes: 30,
  onSiteMinutes: 60,
  contactName: '林晓',
  contactPhone: '139 1234 5678',
  ...over,
})

describe('registry function', () => {
  let world: MerchantWorld
  let stationX: PlatformIdentity
  let stationY: PlatformIdentity
  let regulator: PlatformIdentity
  const registry = (event: object, who: PlatformIdentity) => world.call('registry', event, who)

  beforeAll(async () => {
    world = await openMerchantWorld()
    stationX = await world.staff('station-x')
    stationY = await world.staff('station-y')
    regulator = await world.staff('regulator')
  })
  afterAll(() => world.store.close())

  it('when a station lists its shops, then it gets its own site only, with each contact masked', async () => {
    const list = await registry({ action: 'listMerchants' }, stationX)
    expect(list).toMatchObject({ ok: true, data: { siteId: SITE_X.id, siteName: '星河广场' } })
    const items = list.ok ? (list.data.items as { id: string; contactName: string }[]) : []
    expect(items.map((m) => m.id).sort()).toEqual(['shop-one', 'shop-two'])
    expect(items[0].contactName).toMatch(/^MK\*+$/) // long names keep two characters (maskName)
    expect(JSON.stringify(list)).not.toContain('CONTACT')
  })

  it('when a regulator lists shops, then it names the site; a proxy helper or a shopper may not', async () => {
    expect(await registry({ action: 'listMerchants' }, regulator)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', fields: { siteId: '请选择站点' } },
    })
    expect(await registry({ action: 'listMerchants', siteId: SITE_Y.id }, regulator)).toMatchObject({
      ok: true,
      data: { siteName: '滨江天街' },
    })
    expect(await registry({ action: 'listMerchants' }, await world.staff('proxy-x'))).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(await registry({ action: 'listMerchants' }, { subject: 'a-shopper' })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    })
  })

  it("when another site's station aims any registry action at site X, then it is not found and nothing of site X shows", async () => {
    const one = world.shops.one
    const invite = await world.must('registry', { action: 'issueInvite', merchantId: one.merchant.id }, stationX)
    const pending = await world.must('merchant', { action: 'redeemInvite', code: invite.code }, { subject: 'new-clerk-x' })
    const probes: Record<RegistryAction, object> = {
      listMerchants: { siteId: SITE_X.id },
      getMerchant: { merchantId: one.merchant.id },
      saveMerchant: { ...form({ uscc: one.merchant.uscc }), id: one.merchant.id },
      importMerchantsCsv: { siteId: SITE_X.id, csv: '店铺名称,统一社会信用代码,行业\n改名,91330106MA2K00001K,食品\n' },
      issueInvite: { merchantId: one.merchant.id },
      withdrawInvite: { inviteId: invite.inviteId },
      listMembers: { merchantId: one.merchant.id },
      decideMember: { membershipId: pending.membershipId, approve: true },
      revokeMember: { membershipId: 'member-one' },
      posterData: { merchantIds: [one.merchant.id] },
      miniCode: { merchantId: one.merchant.id },
      inviteMiniCode: { inviteId: invite.inviteId, code: invite.code },
    }
    expect(Object.keys(probes).sort()).toEqual(Object.keys(API.registry).sort())
    const problems: string[] = []
    for (const [action, input] of Object.entries(probes)) {
      const result = await registry({ action, ...input }, stationY)
      if (result.ok || !result.error.code.endsWith('_NOT_FOUND')) problems.push(`${action} → ${result.ok ? 'ok' : result.error.code}`)
      for (const marker of [...one.markers, ...world.shops.two.markers])
        if (JSON.stringify(result).includes(marker)) problems.push(`${action} shows ${marker}`)
    }
    expect(problems).toEqual([])
    // and nothing moved: the shop, its clerk and the pending request are as they were
    expect(await world.store.getMerchant(one.merchant.id)).toEqual(one.merchant)
    expect((await world.store.getMembership('member-one'))?.status).toBe('active')
    expect((await world.store.getMembership(pending.membershipId))?.status).toBe('pending')
  })

  it('when a station registers a shop, then it gets a new short code, its contact is kept whole for staff, and an edit keeps the code', async () => {
    const saved = await registry({ action: 'saveMerchant', ...form() }, stationX)
    expect(saved).toMatchObject({
      ok: true,
      data: { created: true, merchant: { siteId: SITE_X.id, contactPhone: '13912345678', responseMinutes: 30 } },
    })
    const merchant = saved.ok ? saved.data.merchant : null
    expect(merchant.code).toMatch(new RegExp(`^[${MERCHANT_CODE_ALPHABET}]{6}$`))

    const detail = await registry({ action: 'getMerchant', merchantId: merchant.id }, stationX)
    expect(detail).toMatchObject({
      ok: true,
      data: {
        merchant: { contactName: '林晓', contactPhone: '13912345678' },
        commitment: '30分钟内响应 · 1小时内到场',
        entryPath: `/s/${merchant.code}`,
        record: { total: 0, onTimeResponseRate: null },
      },
    })

    const edited = await registry(
      { action: 'saveMerchant', ...form({ uscc: merchant.uscc, name: '改名的奶茶店', doubleCommitmentSigned: false }), id: merchant.id },
      stationX,
    )
    expect(edited).toMatchObject({
      ok: true,
      data: { created: false, merchant: { id: merchant.id, code: merchant.code, name: '改名的奶茶店' } },
    })
    expect(await registry({ action: 'getMerchant', merchantId: merchant.id }, stationX)).toMatchObject({
      ok: true,
      data: { commitment: null },
    })
  })

  it('when a credit code is wrong or already used at the site, then the field says so in Chinese', async () => {
    const bad = await registry({ action: 'saveMerchant', ...form({ uscc: '91330106MA2K00001A' }) }, stationX)
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { uscc: '统一社会信用代码校验位不正确' } } })
    const taken = await registry({ action: 'saveMerchant', ...form({ uscc: world.shops.two.merchant.uscc }) }, stationX)
    expect(taken).toMatchObject({
      ok: false,
      error: { code: 'MERCHANT_USCC_TAKEN', fields: { uscc: expect.stringContaining('MKTWONAME') } },
    })
    // the same code at another site is another site's business
    expect(await registry({ action: 'saveMerchant', ...form({ uscc: world.shops.two.merchant.uscc }) }, stationY)).toMatchObject({
      ok: true,
    })
  })

  describe('CSV import', () => {
    const header = '店铺名称,统一社会信用代码,地址,铺位号,行业,已签署双承诺,联系人,联系电话'
    const good1 = aUscc()
    const good2 = aUscc()
    const csv = [
      header,
      `甲店,${good1},"星河路88号, 2F-01",2F-01,食品,是,张三,13800001111`,
      `乙店,91330106MA2K00001A,,2F-02,食品,是,,`, // wrong check character
      `丙店,${good2},,2F-03,火锅,否,,`, // not an industry line
      `丁店,${good2.slice(0, 17)}${good2[17] === '0' ? '1' : '0'},,2F-04,商超,也许,,`, // two problems
      `戊店,${aUscc()},,2F-05,商超,否,李四,13800002222`,
    ].join('\n')

    it('when a mall imports a file with broken rows, then good rows are registered and each bad row says why', async () => {
      const result = await registry({ action: 'importMerchantsCsv', csv }, stationX)
      expect(result).toMatchObject({ ok: true, data: { created: 2, updated: 0 } })
      const bad = result.ok ? (result.data.bad as { row: number; reasons: string[] }[]) : []
      expect(bad.map((b) => b.row)).toEqual([3, 4, 5])
      expect(bad[0].reasons).toEqual(['第3行：统一社会信用代码校验位不正确'])
      expect(bad[1].reasons[0]).toMatch(/^第4行：行业“火锅”不在可选范围内/)
      expect(bad[2].reasons).toHaveLength(2)
      const stored = await world.store.findMerchantByUscc(SITE_X.id, good1)
      expect(stored).toMatchObject({
        name: '甲店',
        address: '星河路88号, 2F-01',
        contactPhone: '13800001111',
        doubleCommitmentSigned: true,
      })
    })

    it('when the same file is imported again, then nothing is created twice; a changed row updates its shop and keeps its code', async () => {
      expect(await registry({ action: 'importMerchantsCsv', csv }, stationX)).toMatchObject({ ok: true, data: { created: 0, updated: 0 } })
      const before = (await world.store.findMerchantByUscc(SITE_X.id, good1))!
      await world.store.saveMerchant({ ...before, responseMinutes: 20 }) // set by hand in the form
      const changed = csv.replace('甲店,', '甲店（新）,')
      expect(await registry({ action: 'importMerchantsCsv', csv: changed }, stationX)).toMatchObject({
        ok: true,
        data: { created: 0, updated: 1 },
      })
      expect(await world.store.findMerchantByUscc(SITE_X.id, good1)).toEqual({ ...before, name: '甲店（新）', responseMinutes: 20 })
    })

    it('when a sheet leaves out the contact columns, then the shops it updates keep their contact', async () => {
      const slim = `店铺名称,统一社会信用代码,行业\n甲店,${good1},食品\n`
      expect(await registry({ action: 'importMerchantsCsv', csv: slim }, stationX)).toMatchObject({ ok: true, data: { updated: 1 } })
      expect(await world.store.findMerchantByUscc(SITE_X.id, good1)).toMatchObject({
        name: '甲店',
        contactName: '张三',
        contactPhone: '13800001111',
        address: '星河路88号, 2F-01',
      })
    })

    it('when the file cannot be read at all, then CSV_UNREADABLE says what to fix', async () => {
      const result = await registry({ action: 'importMerchantsCsv', csv: '名称,代码\n甲,1\n' }, stationX)
      expect(result).toMatchObject({ ok: false, error: { code: 'CSV_UNREADABLE', fields: { csv: expect.stringContaining('缺少') } } })
    })
  })

  it('when posters are asked for, then each shop has its code, entry path and its own commitment in words (none when unsigned)', async () => {
    await world.store.saveMerchant({ ...world.shops.two.merchant, doubleCommitmentSigned: false })
    const posters = await registry(
      { action: 'posterData', merchantIds: [world.shops.one.merchant.id, world.shops.two.merchant.id] },
      stationX,
    )
    expect(posters).toEqual({
      ok: true,
      data: {
        items: [
          {
            merchantId: 'shop-one',
            code: 'ONE234',
            name: 'MKONENAME小馆',
            booth: '1F-01',
            signed: true,
            commitment: '45分钟内响应 · 90分钟内到场',
            siteName: '星河广场',
            hotline: '0571-88812315',
            entryPath: '/s/ONE234',
          },
          {
            merchantId: 'shop-two',
            code: 'TWO234',
            name: 'MKTWONAME小馆',
            booth: '1F-01',
            signed: false,
            commitment: null,
            siteName: '星河广场',
            hotline: '0571-88812315',
            entryPath: '/s/TWO234',
          },
        ],
      },
    })
    const batch = await registry({ action: 'posterData' }, stationX)
    const codes = batch.ok ? (batch.data.items as { code: string }[]).map((i) => i.code) : []
    expect(codes).toEqual(expect.arrayContaining(['ONE234', 'TWO234']))
    expect(codes).not.toContain('THR234')
  })
})
