import type { z } from 'zod'
import { fail, ok, type Result } from '../../src/domain/errors'
import { maskSubject, MEMBERSHIP_STATUS_LABELS, type MemberView } from '../../src/domain/merchant/membership-view'
import type { MemberListSchema } from '../../src/domain/merchant/registry-api'
import type { Membership } from '../ports/records'
import type { ServiceContext } from './context'
import { merchantInScope } from './registry-scope'

type MemberList = z.infer<typeof MemberListSchema>

// The station decides who may act for a shop. A decision takes effect on the clerk's next call:
// the caller's roles are worked out from active bindings on every request (resolve-caller). The
// local host keeps them in process for 5 s (host/identity-cache.ts), and a decision made through
// that process drops the entry at once; another process sees it within those 5 s.

const view = (m: Membership): MemberView => ({
  id: m.id,
  status: m.status,
  statusLabel: MEMBERSHIP_STATUS_LABELS[m.status],
  subjectMasked: maskSubject(m.subject),
  createdAt: m.createdAt,
})

export async function listMembers(ctx: ServiceContext, merchantId: string): Promise<Result<MemberList>> {
  const scoped = await merchantInScope(ctx, merchantId)
  if (!scoped.ok) return scoped
  const members = await ctx.deps.store.listMembershipsOfMerchant(merchantId)
  return ok({ items: members.map(view) })
}

/** A binding of a shop the caller manages; another site's answers MEMBERSHIP_NOT_FOUND. */
async function membershipInScope(ctx: ServiceContext, membershipId: string): Promise<Result<Membership>> {
  const m = await ctx.deps.store.getMembership(membershipId)
  const scoped = m ? await merchantInScope(ctx, m.merchantId) : null
  return m && scoped?.ok ? ok(m) : fail('MEMBERSHIP_NOT_FOUND')
}

/** Approve (→ active) or refuse (→ revoked) a pending request. */
export async function decideMember(ctx: ServiceContext, membershipId: string, approve: boolean): Promise<Result<MemberView>> {
  const found = await membershipInScope(ctx, membershipId)
  if (!found.ok) return found
  if (found.data.status !== 'pending') return fail('MEMBERSHIP_NOT_PENDING')
  const decided: Membership = { ...found.data, status: approve ? 'active' : 'revoked' }
  await ctx.deps.store.saveMembership(decided)
  return ok(view(decided))
}

/** Cut a clerk (or a pending request) off; revoking twice is harmless. */
export async function revokeMember(ctx: ServiceContext, membershipId: string): Promise<Result<MemberView>> {
  const found = await membershipInScope(ctx, membershipId)
  if (!found.ok) return found
  const revoked: Membership = { ...found.data, status: 'revoked' }
  if (found.data.status !== 'revoked') await ctx.deps.store.saveMembership(revoked)
  return ok(view(revoked))
}
