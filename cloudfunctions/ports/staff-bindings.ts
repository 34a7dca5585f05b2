import { z } from 'zod'

// Staff identity in the mini-program (issue 15): a staff account is bound to the WeChat OPENIDs
// (subjects) of the people who use it; afterwards the OPENID alone identifies the staff member.
// Back-end-only records (code hashes never reach the app). See docs/staff-identity.md.
const Instant = z.iso.datetime({ offset: true })

export const BINDING_VIAS = ['code', 'password', 'bootstrap'] as const

/** One subject bound to one account. A subject has at most one active binding at a time. */
export const StaffBindingSchema = z.object({
  id: z.string().min(1),
  staffId: z.string().min(1),
  subject: z.string().min(1),
  via: z.enum(BINDING_VIAS),
  createdAt: Instant,
  /** set when unbound; it then identifies nobody (checked on every call) */
  revokedAt: Instant.nullable(),
})
export type StaffBinding = z.infer<typeof StaffBindingSchema>

/** A one-time code that binds whoever redeems it to `staffId`: only its hash is kept. */
export const BindingCodeSchema = z.object({
  codeHash: z.string().min(1),
  staffId: z.string().min(1),
  /** the staff account that issued it ('bootstrap' for the setup code of cloud:bootstrap) */
  issuedBy: z.string().min(1),
  createdAt: Instant,
  expiresAt: Instant,
})
export type BindingCode = z.infer<typeof BindingCodeSchema>

// account-*: an administrator provisioning the account itself (created, disabled, enabled again)
export const BINDING_LOG_ACTIONS = ['issue-code', 'bind', 'unbind', 'account-created', 'account-disabled', 'account-enabled'] as const

/** The append-only audit of bindings: who did what to which account and subject, when. */
export const StaffBindingLogEntrySchema = z.object({
  id: z.string().min(1),
  action: z.enum(BINDING_LOG_ACTIONS),
  staffId: z.string().min(1),
  /** the subject bound or unbound (null for a code issued) */
  subject: z.string().nullable(),
  via: z.enum([...BINDING_VIAS, 'self', 'admin']),
  /** who did it: a staff account id, or the subject itself when a person binds themself */
  actor: z.string().min(1),
  at: Instant,
})
export type StaffBindingLogEntry = z.infer<typeof StaffBindingLogEntrySchema>

/** Failed sign-ins in a row for one key (an account's username), kept where every container sees them. */
export const LoginFailuresSchema = z.object({
  failures: z.number().int().nonnegative(),
  lastFailureAt: Instant,
  lockedUntil: Instant.nullable(),
})
export type LoginFailures = z.infer<typeof LoginFailuresSchema>

export type BindOutcome =
  | { outcome: 'bound'; binding: StaffBinding }
  /** this subject is bound to the same account already: nothing written */
  | { outcome: 'already'; binding: StaffBinding }
  /** this subject is bound to another account: nothing written */
  | { outcome: 'subject-taken' }

export type RedeemOutcome = BindOutcome | { outcome: 'code-invalid' }

export interface NewBinding {
  bindingId: string
  logId: string
  subject: string
  at: string
}

export interface StaffBindingStore {
  /** Bind `binding.subject` to `binding.staffId` with its audit entry, together — unless the subject is bound already. */
  bindStaff(binding: StaffBinding, log: StaffBindingLogEntry): Promise<BindOutcome>
  /**
   * Use a binding code once: when its hash names a code that is unused and not expired at `bind.at`, for an account not disabled
   * (checked in the same transaction: an outstanding code must not bind a disabled account),
   * mark it used and bind the subject to its account (with the audit entry), all together; a code
   * can be redeemed by one caller only, however many race. When the subject is bound already the
   * code stays unused.
   */
  redeemBindingCode(codeHash: string, bind: NewBinding): Promise<RedeemOutcome>
  saveBindingCode(code: BindingCode, log: StaffBindingLogEntry): Promise<void>
  /** The subject's active binding, or null. */
  findActiveStaffBindingOf(subject: string): Promise<StaffBinding | null>
  getStaffBinding(id: string): Promise<StaffBinding | null>
  /** Every binding of an account, active and revoked, newest first. */
  listStaffBindingsOf(staffId: string): Promise<StaffBinding[]>
  /** Revoke an active binding with its audit entry, together; false when it was not active. */
  revokeStaffBinding(id: string, at: string, log: StaffBindingLogEntry): Promise<boolean>
  /**
   * Append one audit entry on its own: for a change another port wrote (the account itself, saved by
   * the identity store), so the entry follows that change rather than sharing its transaction.
   */
  appendStaffBindingLog(log: StaffBindingLogEntry): Promise<void>
  /** The audit entries of an account, oldest first. */
  listStaffBindingLog(staffId: string): Promise<StaffBindingLogEntry[]>
  getLoginFailures(key: string): Promise<LoginFailures | null>
  /** Replace the record (null forgets it), whatever it was: a success clears the count. */
  setLoginFailures(key: string, record: LoginFailures | null): Promise<void>
  /**
   * Replace the record only if it is still `expected` (null: there is none) — compared on failures
   * and lastFailureAt; false when another try changed it first. Counting a try with this, before its
   * password is checked, makes parallel tries count one by one (staff-lockout.ts).
   */
  swapLoginFailures(key: string, expected: LoginFailures | null, next: LoginFailures): Promise<boolean>
}
