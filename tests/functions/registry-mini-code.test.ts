import { cloudMiniCode, miniCodeOptionsFor } from '../../cloudfunctions/adapters/wechat/cloud-mini-code'
import { registryFunctionWith } from '../../cloudfunctions/functions/registry/handlers'
import { dispatch } from '../../cloudfunctions/runtime/dispatch'
import { resolveCaller, type PlatformIdentity } from '../../cloudfunctions/services/resolve-caller'
import { openMerchantWorld, type MerchantWorld } from './merchant-world'
import { FAKE_PNG, fakeWxacode } from '../support/fake-wxacode'

// A shop's mini-program code for its poster: drawn by WeChat's wxacode.getUnlimited in the cloud,
// unavailable on the local host (which prints the H5 URL's QR instead).

describe('registry.miniCode', () => {
  let world: MerchantWorld
  let station: PlatformIdentity
  const quiet = () => undefined
  beforeAll(async () => {
    world = await openMerchantWorld()
    station = await world.staff('station-x')
  })
  afterAll(() => world.store.close())

  const callWith = async (fn: ReturnType<typeof registryFunctionWith>, event: object, who: PlatformIdentity) =>
    dispatch(fn, event, { caller: await resolveCaller(world.deps, who), deps: world.deps })

  it('when no mini-code source is wired (the local host), then MINI_CODE_UNAVAILABLE tells staff to print the web QR', async () => {
    expect(await world.call('registry', { action: 'miniCode', merchantId: 'shop-one' }, station)).toEqual({
      ok: false,
      error: { code: 'MINI_CODE_UNAVAILABLE', message: '此环境不能生成小程序码，请打印网页二维码' },
    })
  })

  it('when the cloud source is wired, then the code opens the complaint page with the merchant code as scene', async () => {
    const { openapi, calls } = fakeWxacode()
    const fn = registryFunctionWith({ miniCode: cloudMiniCode(openapi, { log: quiet }) })
    const result = await callWith(fn, { action: 'miniCode', merchantId: 'shop-one' }, station)
    expect(result).toEqual({ ok: true, data: { contentType: 'image/png', base64: Buffer.from(FAKE_PNG).toString('base64') } })
    expect(calls).toEqual([{ scene: 'ONE234', page: 'pages/consumer/complain/index', checkPath: true, envVersion: 'release', width: 1280 }])
  })

  it("when the shop is another site's, then it is not found before WeChat is ever asked", async () => {
    const { openapi, calls } = fakeWxacode()
    const fn = registryFunctionWith({ miniCode: cloudMiniCode(openapi, { log: quiet }) })
    expect(await callWith(fn, { action: 'miniCode', merchantId: 'shop-three' }, station)).toMatchObject({
      ok: false,
      error: { code: 'MERCHANT_NOT_FOUND' },
    })
    expect(calls).toEqual([])
  })

  it('when WeChat refuses or answers something unexpected, then MINI_CODE_FAILED', async () => {
    for (const behaviour of ['reject', 'garbage'] as const) {
      const source = cloudMiniCode(fakeWxacode(behaviour).openapi, { log: quiet })
      expect(await source.render({ scene: 'ONE234', page: 'pages/consumer/complain/index', width: 430 })).toMatchObject({
        ok: false,
        error: { code: 'MINI_CODE_FAILED' },
      })
    }
  })

  it("when a scene or page breaks WeChat's rules, then the adapter refuses without calling it", async () => {
    const { openapi, calls } = fakeWxacode()
    const source = cloudMiniCode(openapi, { log: quiet, checkPath: false })
    const page = 'pages/consumer/complain/index'
    for (const request of [
      { scene: 'X'.repeat(33), page, width: 430 },
      { scene: '100%', page, width: 430 },
      { scene: 'ONE234', page: `/${page}`, width: 430 },
      { scene: 'ONE234', page: `${page}?m=1`, width: 430 },
    ]) {
      expect(await source.render(request)).toMatchObject({ ok: false, error: { code: 'MINI_CODE_FAILED' } })
    }
    expect(calls).toEqual([])
  })

  it('when the function runs as a trial or development build, then the code opens that build and skips the released-page check', async () => {
    const page = 'pages/staff/bind/index'
    const drawn = async (state: string | undefined) => {
      const { openapi, calls } = fakeWxacode()
      await cloudMiniCode(openapi, { log: quiet, ...miniCodeOptionsFor(state) }).render({ scene: 'ONE234', page, width: 430 })
      return calls.map(({ envVersion, checkPath }) => ({ envVersion, checkPath }))
    }
    expect(await drawn('formal')).toEqual([{ envVersion: 'release', checkPath: true }])
    expect(await drawn(undefined)).toEqual([{ envVersion: 'release', checkPath: true }])
    expect(await drawn('trial')).toEqual([{ envVersion: 'trial', checkPath: false }])
    expect(await drawn('developer')).toEqual([{ envVersion: 'develop', checkPath: false }])
  })
})
