import { z } from 'zod'

export const MEMBERSHIP_STATUSES = ['pending', 'active', 'revoked'] as const
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number]

/** What a clerk and the station read beside each binding. */
export const MEMBERSHIP_STATUS_LABELS: Record<MembershipStatus, string> = {
  pending: '等待维权站审核',
  active: '已绑定',
  revoked: '已解除',
}

/**
 * A clerk's subject (OPENID or a device hash) is an identifier, not a name: staff see only enough
 * of it to tell two devices apart ("oAbC****x9Yz").
 */
export function maskSubject(subject: string): string {
  if (subject.length <= 8) return '****'
  return `${subject.slice(0, 4)}****${subject.slice(-4)}`
}

/** A binding as the station lists it. */
export const MemberViewSchema = z.object({
  id: z.string(),
  status: z.enum(MEMBERSHIP_STATUSES),
  statusLabel: z.string(),
  subjectMasked: z.string(),
  createdAt: z.string(),
})
export type MemberView = z.infer<typeof MemberViewSchema>

/** A binding as the clerk sees it: which shop, and where the request stands. */
export const MyMembershipSchema = z.object({
  membershipId: z.string(),
  status: z.enum(MEMBERSHIP_STATUSES),
  statusLabel: z.string(),
  merchantName: z.string(),
  siteName: z.string(),
})
export type MyMembership = z.infer<typeof MyMembershipSchema>
