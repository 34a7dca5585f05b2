import type { PlatformIdentity } from '../../cloudfunctions/services/resolve-caller'
import { openMerchantWorld, type MerchantWorld } from './merchant-world'

// A clerk binds a phone to a shop: the station issues an invite, the clerk redeems it and waits,
// the station approves — and revoking cuts the clerk off on their very next call.
describe('clerk binding through invites', () => {
  let world: MerchantWorld
  let station: PlatformIdentity
  const registry = (event: object) => world.call('registry', event, station)
  const merchant = (event: object, who: PlatformIdentity) => world.call('merchant', event, who)

  beforeAll(async () => {
    world = await openMerchantWorld()
    station = await world.staff('station-x')
  })
  afterAll(() => world.store.close())

  const issue = async () => {
    const r = await registry({ action: 'issueInvite', merchantId: 'shop-one' })
    if (!r.ok) throw new Error(r.error.code)
    return r.data as { inviteId: string; code: string; url: string; expiresAt: string }
  }

  it('when an invite is issued, then the code is shown once with its link and a 7-day expiry, and only its hash is stored', async () => {
    const invite = await issue()
    expect(invite.code).toMatch(/^[2-9A-HJKMNP-Z]{12}$/)
    expect(invite.url).toBe(`/#/pages/merchant/join/index?code=${invite.code}`)
    expect(invite.expiresAt).toBe('2026-03-17T02:00:00.000Z')
    const stored = await world.store.getInvite(invite.inviteId)
    expect(stored).toMatchObject({ codeHash: world.deps.secrets.hashToken(invite.code), createdBy: 'station-x', withdrawnAt: null })
    expect(JSON.stringify(stored)).not.toContain(invite.code)
  })

  it('when a clerk redeems, is approved and then revoked, then the merchant role comes and goes with the very next call', async () => {
    const clerk = { subject: 'o-new-clerk' }
    const invite = await issue()
    const request = await merchant({ action: 'redeemInvite', code: invite.code }, clerk)
    expect(request).toMatchObject({
      ok: true,
      data: { status: 'pending', statusLabel: '等待维权站审核', merchantName: 'MKONENAME小馆', siteName: '星河广场' },
    })
    const membershipId = request.ok ? (request.data.membershipId as string) : ''
    // a second tap gives the same request, and a pending clerk is not a merchant yet
    expect(await merchant({ action: 'redeemInvite', code: invite.code.toLowerCase().replace(/(.{4})/g, '$1 ') }, clerk)).toMatchObject({
      ok: true,
      data: { membershipId },
    })
    expect(await merchant({ action: 'getHome' }, clerk)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })

    const members = await registry({ action: 'listMembers', merchantId: 'shop-one' })
    expect(members).toMatchObject({
      ok: true,
      data: {
        items: expect.arrayContaining([expect.objectContaining({ id: membershipId, status: 'pending', subjectMasked: 'o-ne****lerk' })]),
      },
    })
    expect(JSON.stringify(members)).not.toContain('o-new-clerk')

    expect(await registry({ action: 'decideMember', membershipId, approve: true })).toMatchObject({
      ok: true,
      data: { status: 'active', statusLabel: '已绑定' },
    })
    expect(await merchant({ action: 'getHome' }, clerk)).toMatchObject({ ok: true, data: { merchant: { code: 'ONE234' } } })
    expect(await merchant({ action: 'myMemberships' }, clerk)).toEqual({
      ok: true,
      data: { items: [{ membershipId, status: 'active', statusLabel: '已绑定', merchantName: 'MKONENAME小馆', siteName: '星河广场' }] },
    })

    expect(await registry({ action: 'revokeMember', membershipId })).toMatchObject({ ok: true, data: { status: 'revoked' } })
    expect(await merchant({ action: 'getHome' }, clerk)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const { caseId } = await world.fileCase(world.shops.one)
    expect(await merchant({ action: 'getCase', caseId }, clerk)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await registry({ action: 'decideMember', membershipId, approve: true })).toMatchObject({
      ok: false,
      error: { code: 'MEMBERSHIP_NOT_PENDING' },
    })
  })

  it('when the station refuses a request, then the clerk sees it ended, and a new redemption asks again', async () => {
    const clerk = { subject: 'o-refused-clerk' }
    const invite = await issue()
    const request = await merchant({ action: 'redeemInvite', code: invite.code }, clerk)
    const membershipId = request.ok ? (request.data.membershipId as string) : ''
    expect(await registry({ action: 'decideMember', membershipId, approve: false })).toMatchObject({
      ok: true,
      data: { status: 'revoked' },
    })
    expect(await merchant({ action: 'myMemberships' }, clerk)).toMatchObject({
      ok: true,
      data: { items: [{ status: 'revoked', statusLabel: '已解除' }] },
    })
    expect(await merchant({ action: 'redeemInvite', code: invite.code }, clerk)).toMatchObject({
      ok: true,
      data: { membershipId, status: 'pending' },
    })
  })

  it('when several clerks use one invite, then each gets their own pending request', async () => {
    const invite = await issue()
    const a = await merchant({ action: 'redeemInvite', code: invite.code }, { subject: 'o-clerk-a' })
    const b = await merchant({ action: 'redeemInvite', code: invite.code }, { subject: 'o-clerk-b' })
    expect(a.ok && b.ok && a.data.membershipId !== b.data.membershipId).toBe(true)
  })

  it('when a code is wrong, withdrawn or expired, then INVITE_NOT_FOUND says so in Chinese', async () => {
    const notFound = { ok: false, error: { code: 'INVITE_NOT_FOUND', message: '邀请码无效或已过期，请向维权站重新索取' } }
    expect(await merchant({ action: 'redeemInvite', code: 'WRONGCODE234' }, { subject: 'o-x' })).toEqual(notFound)
    const withdrawn = await issue()
    expect(await registry({ action: 'withdrawInvite', inviteId: withdrawn.inviteId })).toEqual({
      ok: true,
      data: { inviteId: withdrawn.inviteId },
    })
    expect(await merchant({ action: 'redeemInvite', code: withdrawn.code }, { subject: 'o-x' })).toEqual(notFound)
    const expiring = await issue()
    world.deps.clock.advance(7 * 24 * 3600_000)
    try {
      expect(await merchant({ action: 'redeemInvite', code: expiring.code }, { subject: 'o-x' })).toEqual(notFound)
    } finally {
      world.deps.clock.advance(-7 * 24 * 3600_000)
    }
    expect(await merchant({ action: 'redeemInvite', code: '' }, { subject: 'o-x' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', fields: { code: '请填写邀请码' } },
    })
  })

  it('when a caller has no device identity (staff at a desk), then redeeming is refused before any code is looked at', async () => {
    const invite = await issue()
    expect(await merchant({ action: 'redeemInvite', code: invite.code }, station)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(await merchant({ action: 'redeemInvite', code: invite.code }, {})).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    })
  })

  it("when the station's live invites are listed on the shop's page, then withdrawn ones are gone", async () => {
    const kept = await issue()
    const dropped = await issue()
    await registry({ action: 'withdrawInvite', inviteId: dropped.inviteId })
    const detail = await registry({ action: 'getMerchant', merchantId: 'shop-one' })
    const ids = detail.ok ? (detail.data.invites as { id: string }[]).map((i) => i.id) : []
    expect(ids).toContain(kept.inviteId)
    expect(ids).not.toContain(dropped.inviteId)
    expect(JSON.stringify(detail)).not.toContain(kept.code)
  })
})
