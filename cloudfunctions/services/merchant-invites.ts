import type { z } from 'zod'
import { AppFailure, appError, fail, ok, type Result } from '../../src/domain/errors'
import type { Merchant } from '../../src/domain/merchant.schema'
import { INVITE_CODE_BYTES, INVITE_TTL_DAYS, inviteCodeFrom, invitePath } from '../../src/domain/merchant/invite'
import { MEMBERSHIP_STATUS_LABELS, type MyMembership } from '../../src/domain/merchant/membership-view'
import type { InviteIssuedSchema } from '../../src/domain/merchant/registry-api'
import type { Site } from '../../src/domain/site.schema'
import type { Membership } from '../ports/records'
import type { ServiceContext } from './context'
import { merchantInScope } from './registry-scope'

type InviteIssued = z.infer<typeof InviteIssuedSchema>

const DAY_MS = 24 * 60 * 60 * 1000

/** A fresh invite for a shop's clerks: the code is returned once, only its hash is stored. */
export async function issueInvite(ctx: ServiceContext, merchantId: string): Promise<Result<InviteIssued>> {
  const staffId = ctx.caller.staff?.staffId
  if (!staffId) return fail('UNAUTHENTICATED')
  const scoped = await merchantInScope(ctx, merchantId)
  if (!scoped.ok) return scoped
  const { secrets, clock, ids, store } = ctx.deps
  const code = inviteCodeFrom(secrets.randomBytes(INVITE_CODE_BYTES))
  if (!code) throw new AppFailure(appError('INTERNAL')) // 48 random bytes yielding < 12 usable ones: a broken source
  const now = clock.now()
  const expiresAt = new Date(now.getTime() + INVITE_TTL_DAYS * DAY_MS).toISOString()
  const id = ids.newId()
  const { merchant } = scoped.data
  await store.saveInvite({
    id,
    merchantId: merchant.id,
    siteId: merchant.siteId,
    codeHash: secrets.hashToken(code),
    createdBy: staffId,
    createdAt: now.toISOString(),
    expiresAt,
    withdrawnAt: null,
  })
  return ok({ inviteId: id, code, url: invitePath(code), expiresAt })
}

/** Stop an invite before it expires (a code that went to the wrong person). Bindings already made stay. */
export async function withdrawInvite(ctx: ServiceContext, inviteId: string): Promise<Result<{ inviteId: string }>> {
  const invite = await ctx.deps.store.getInvite(inviteId)
  const scoped = invite ? await merchantInScope(ctx, invite.merchantId) : null
  if (!invite || !scoped?.ok) return fail('INVITE_NOT_FOUND')
  await ctx.deps.store.withdrawInvite(invite.id, ctx.deps.clock.now().toISOString())
  return ok({ inviteId: invite.id })
}

export function myMembershipView(m: Membership, merchant: Pick<Merchant, 'name'>, site: Pick<Site, 'name'> | null): MyMembership {
  return {
    membershipId: m.id,
    status: m.status,
    statusLabel: MEMBERSHIP_STATUS_LABELS[m.status],
    merchantName: merchant.name,
    siteName: site?.name ?? '',
  }
}

/**
 * A clerk opens an invite: the caller's device asks to join the shop and waits for the station.
 * Repeating it (a double tap, a second scan) gives the same binding; a wrong, expired or withdrawn
 * code is INVITE_NOT_FOUND, with no hint which of those it was.
 */
export async function redeemInvite(ctx: ServiceContext, code: string): Promise<Result<MyMembership>> {
  const subject = ctx.caller.subject
  if (!subject) return fail('UNAUTHENTICATED')
  const { store, secrets, clock, ids } = ctx.deps
  const now = clock.now().toISOString()
  const invite = await store.findLiveInvite(secrets.hashToken(code), now)
  const merchant = invite ? await store.getMerchant(invite.merchantId) : null
  if (!invite || !merchant) return fail('INVITE_NOT_FOUND')
  const membership = await store.requestMembership({
    id: ids.newId(),
    merchantId: merchant.id,
    siteId: merchant.siteId,
    subject,
    status: 'pending',
    createdAt: now,
  })
  return ok(myMembershipView(membership, merchant, await store.getSite(merchant.siteId)))
}

/** The caller's own bindings, so the app can say "等待维权站审核" or open the shop's inbox. */
export async function myMemberships(ctx: ServiceContext): Promise<Result<{ items: MyMembership[] }>> {
  const subject = ctx.caller.subject
  if (!subject) return fail('UNAUTHENTICATED')
  const { store } = ctx.deps
  const items: MyMembership[] = []
  for (const m of await store.listMembershipsOf(subject)) {
    const merchant = await store.getMerchant(m.merchantId)
    if (merchant) items.push(myMembershipView(m, merchant, await store.getSite(merchant.siteId)))
  }
  return ok({ items })
}
