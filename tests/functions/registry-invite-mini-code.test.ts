import { cloudMiniCode } from '../../cloudfunctions/adapters/wechat/cloud-mini-code'
import { registryFunctionWith } from '../../cloudfunctions/functions/registry/handlers'
import { dispatch } from '../../cloudfunctions/runtime/dispatch'
import { resolveCaller, type PlatformIdentity } from '../../cloudfunctions/services/resolve-caller'
import { openMerchantWorld, type MerchantWorld } from './merchant-world'
import { FAKE_PNG, fakeWxacode } from '../support/fake-wxacode'

// An invite drawn as a mini-program code: WeChat's wxacode.getUnlimited opens the join page with
// the invite code as scene; the join page redeems the scene, so the scanner becomes a pending clerk.

describe('registry.inviteMiniCode', () => {
  let world: MerchantWorld
  let stationX: PlatformIdentity
  let stationY: PlatformIdentity
  const quiet = () => undefined
  beforeAll(async () => {
    world = await openMerchantWorld()
    stationX = await world.staff('station-x')
    stationY = await world.staff('station-y')
  })
  afterAll(() => world.store.close())

  const callWith = async (fn: ReturnType<typeof registryFunctionWith>, event: object, who: PlatformIdentity) =>
    dispatch(fn, event, { caller: await resolveCaller(world.deps, who), deps: world.deps })

  it('when the owning station asks, then WeChat draws the join page with the invite code as scene, and scanning it makes a pending member', async () => {
    const invite = await world.must('registry', { action: 'issueInvite', merchantId: 'shop-one' }, stationX)
    const { openapi, calls } = fakeWxacode()
    const fn = registryFunctionWith({ miniCode: cloudMiniCode(openapi, { log: quiet }) })
    const result = await callWith(fn, { action: 'inviteMiniCode', inviteId: invite.inviteId, code: invite.code }, stationX)
    expect(result).toEqual({ ok: true, data: { contentType: 'image/png', base64: Buffer.from(FAKE_PNG).toString('base64') } })
    expect(calls).toEqual([{ scene: invite.code, page: 'pages/merchant/join/index', checkPath: true, envVersion: 'release', width: 430 }])
    expect(calls[0].scene.length).toBeLessThanOrEqual(32)
    // the join page passes the scene it was opened with to redeemInvite, as it does a typed code
    const joined = await world.must('merchant', { action: 'redeemInvite', code: calls[0].scene }, { subject: 'scanning-clerk' })
    expect(joined).toMatchObject({ status: 'pending' })
  })

  it("when another site's station, a wrong code or a withdrawn invite is used, then INVITE_NOT_FOUND and WeChat is never asked", async () => {
    const invite = await world.must('registry', { action: 'issueInvite', merchantId: 'shop-one' }, stationX)
    const other = await world.must('registry', { action: 'issueInvite', merchantId: 'shop-one' }, stationX)
    const { openapi, calls } = fakeWxacode()
    const fn = registryFunctionWith({ miniCode: cloudMiniCode(openapi, { log: quiet }) })
    const ask = (code: string, who: PlatformIdentity) => callWith(fn, { action: 'inviteMiniCode', inviteId: invite.inviteId, code }, who)
    expect(await ask(invite.code, stationY)).toMatchObject({ ok: false, error: { code: 'INVITE_NOT_FOUND' } })
    expect(await ask(other.code, stationX)).toMatchObject({ ok: false, error: { code: 'INVITE_NOT_FOUND' } })
    await world.must('registry', { action: 'withdrawInvite', inviteId: invite.inviteId }, stationX)
    expect(await ask(invite.code, stationX)).toMatchObject({ ok: false, error: { code: 'INVITE_NOT_FOUND' } })
    expect(calls).toEqual([])
  })

  it('when no mini-code source is wired (the local host), then MINI_CODE_UNAVAILABLE', async () => {
    const invite = await world.must('registry', { action: 'issueInvite', merchantId: 'shop-one' }, stationX)
    expect(
      await world.call('registry', { action: 'inviteMiniCode', inviteId: invite.inviteId, code: invite.code }, stationX),
    ).toMatchObject({ ok: false, error: { code: 'MINI_CODE_UNAVAILABLE' } })
  })
})
