import { z } from 'zod'
import { STAFF_ROLES } from '../../src/domain/identity'

// Back-end-only records: they carry secrets (password hashes, token hashes) and never reach the app.
const Instant = z.iso.datetime({ offset: true })

export const StaffAccountSchema = z.object({
  id: z.string().min(1),
  username: z.string().min(1),
  displayName: z.string().min(1),
  role: z.enum(STAFF_ROLES),
  siteId: z.string().nullable(),
  passwordHash: z.string().min(1),
  createdAt: Instant,
  /** set when an administrator disabled the account: it then signs in and resolves to nobody */
  disabledAt: Instant.optional(),
})
export type StaffAccount = z.infer<typeof StaffAccountSchema>

export const StaffSessionSchema = z.object({
  tokenHash: z.string().min(1),
  staffId: z.string().min(1),
  createdAt: Instant,
  expiresAt: Instant,
})
export type StaffSession = z.infer<typeof StaffSessionSchema>

export const MembershipSchema = z.object({
  id: z.string().min(1),
  merchantId: z.string().min(1),
  siteId: z.string().min(1),
  subject: z.string().min(1),
  status: z.enum(['pending', 'active', 'revoked']),
  createdAt: Instant,
})
export type Membership = z.infer<typeof MembershipSchema>

/** A station's invitation for a shop's clerks: only the code's hash is kept. */
export const MerchantInviteSchema = z.object({
  id: z.string().min(1),
  merchantId: z.string().min(1),
  siteId: z.string().min(1),
  codeHash: z.string().min(1),
  /** the staff account that issued it */
  createdBy: z.string().min(1),
  createdAt: Instant,
  expiresAt: Instant,
  withdrawnAt: Instant.nullable(),
})
export type MerchantInvite = z.infer<typeof MerchantInviteSchema>
