// How staff sign-in locks out after wrong passwords (docs/security.md), one rule for the desk's
// sign-in (host/login-lockout.ts, kept in the process) and for binding a WeChat by password
// (services/staff-lockout.ts, kept in the store): after FREE_FAILURES failed tries in a row a key is
// locked for 1 minute, each further failure doubles it, up to 1 hour; a key nobody failed on for a
// day is forgotten, so nothing stays locked longer than an hour past the last failed try.

export const FREE_FAILURES = 5
const FIRST_LOCK_MS = 60_000
const MAX_LOCK_MS = 3_600_000
export const FORGET_AFTER_MS = 24 * 3_600_000

/** The lock that follows the `failures`-th failure in a row: none before FREE_FAILURES, then 1, 2, 4 … 60 minutes. */
export function lockAfter(failures: number): number {
  if (failures < FREE_FAILURES) return 0
  return Math.min(FIRST_LOCK_MS * 2 ** (failures - FREE_FAILURES), MAX_LOCK_MS)
}
