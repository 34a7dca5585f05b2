import type { PlatformIdentity } from '../../cloudfunctions/services/resolve-caller'
import { openMerchantWorld, SITE_X, SITE_Y, type MerchantWorld } from './merchant-world'

// 预警条件 through the station function (docs/bursts-and-similar-cases.md): a site's K and window,
// read and saved by its own station, or a regulator or an administrator naming the site; everyone
// else refused, object by object. Bad input answers VALIDATION_FAILED with a Chinese message per field.

const T0 = new Date('2026-12-05T02:00:00Z')

describe('预警条件 — who may read and change a site’s K and window', () => {
  let world: MerchantWorld
  let stationX: PlatformIdentity
  let stationY: PlatformIdentity
  let regulator: PlatformIdentity
  let admin: PlatformIdentity

  beforeAll(async () => {
    world = await openMerchantWorld(T0)
    stationX = await world.staff('station-x')
    stationY = await world.staff('station-y')
    regulator = await world.staff('regulator')
    admin = await world.admin()
  })
  afterAll(() => world.store.close())

  const read = (who: PlatformIdentity, siteId?: string) => world.call('station', { action: 'burstSettings', siteId }, who)
  const save = (who: PlatformIdentity, body: object) => world.call('station', { action: 'saveBurstSettings', ...body }, who)

  it('when a station reads a site that saved nothing, then it sees the default 5 within 24 h', async () => {
    expect(await read(stationX)).toEqual({
      ok: true,
      data: { siteId: SITE_X.id, k: 5, windowHours: 24, updatedBy: null, updatedAt: null },
    })
  })

  it('when a station saves 3 / 12 for its own site, then it reads back with its name and time; the other site keeps the default', async () => {
    const saved = await save(stationX, { k: 3, windowHours: 12 })
    const expected = { siteId: SITE_X.id, k: 3, windowHours: 12, updatedBy: 'station-x', updatedAt: T0.toISOString() }
    expect(saved).toEqual({ ok: true, data: expected })
    expect(await read(stationX)).toEqual({ ok: true, data: expected })
    expect(await world.store.getBurstSettings(SITE_X.id)).toMatchObject({ k: 3, windowHours: 12, updatedBy: 'station-x' })
    expect(await read(stationY)).toMatchObject({ ok: true, data: { siteId: SITE_Y.id, k: 5, windowHours: 24 } })
  })

  it("when another site's station names this site, then SITE_NOT_FOUND for reading and saving, and nothing changes", async () => {
    expect(await read(stationY, SITE_X.id)).toMatchObject({ ok: false, error: { code: 'SITE_NOT_FOUND' } })
    expect(await save(stationY, { siteId: SITE_X.id, k: 20, windowHours: 168 })).toMatchObject({
      ok: false,
      error: { code: 'SITE_NOT_FOUND' },
    })
    expect(await world.store.getBurstSettings(SITE_X.id)).toMatchObject({ k: 3, windowHours: 12 })
  })

  it('when a regulator or an administrator names a site, then they may read and save it; without a site they are asked for one', async () => {
    expect(await save(regulator, { siteId: SITE_Y.id, k: 8, windowHours: 48 })).toMatchObject({
      ok: true,
      data: { siteId: SITE_Y.id, k: 8, windowHours: 48, updatedBy: 'regulator' },
    })
    expect(await save(admin, { siteId: SITE_Y.id, k: 6, windowHours: 36 })).toMatchObject({ ok: true, data: { updatedBy: '管理员' } })
    expect(await read(regulator, SITE_Y.id)).toMatchObject({ ok: true, data: { k: 6, windowHours: 36 } })
    expect(await read(admin)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { siteId: '请选择站点' } } })
    expect(await read(admin, 'no-such-site')).toMatchObject({ ok: false, error: { code: 'SITE_NOT_FOUND' } })
  })

  it('when a shop clerk, a shopper or a proxy desk asks, then they are refused and nothing changes', async () => {
    const proxy = await world.staff('proxy-x')
    const shopper: PlatformIdentity = { subject: 'a-shopper' }
    for (const who of [world.shops.one.clerk, shopper, proxy]) {
      const r = await read(who, SITE_X.id)
      expect(r.ok).toBe(false)
      const w = await save(who, { siteId: SITE_X.id, k: 20, windowHours: 168 })
      expect(w.ok).toBe(false)
      if (!w.ok) expect(['FORBIDDEN', 'UNAUTHENTICATED']).toContain(w.error.code)
    }
    expect(await world.store.getBurstSettings(SITE_X.id)).toMatchObject({ k: 3, windowHours: 12 })
  })

  it('when K or the window is out of bounds, not whole or missing, then VALIDATION_FAILED names each field in Chinese', async () => {
    const fieldsOf = async (body: object) => {
      const r = await save(stationX, body)
      return r.ok ? null : { code: r.error.code, fields: r.error.fields }
    }
    expect(await fieldsOf({ k: 2, windowHours: 169 })).toEqual({
      code: 'VALIDATION_FAILED',
      fields: { k: '预警件数不能少于3件', windowHours: '时间范围不能多于168小时' },
    })
    expect(await fieldsOf({ k: 21, windowHours: 0 })).toEqual({
      code: 'VALIDATION_FAILED',
      fields: { k: '预警件数不能多于20件', windowHours: '时间范围不能少于1小时' },
    })
    expect(await fieldsOf({ k: 3.5, windowHours: 1.5 })).toEqual({
      code: 'VALIDATION_FAILED',
      fields: { k: '预警件数须为整数', windowHours: '时间范围须为整数小时' },
    })
    expect(await fieldsOf({})).toEqual({ code: 'VALIDATION_FAILED', fields: { k: '请填写预警件数', windowHours: '请填写时间范围' } })
    expect(await world.store.getBurstSettings(SITE_X.id)).toMatchObject({ k: 3, windowHours: 12 })
  })
})
