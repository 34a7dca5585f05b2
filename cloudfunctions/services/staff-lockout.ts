import type { Deps } from './context'

// Password binding in the mini-program locks out as the desk's sign-in does (host/login-lockout.ts,
// docs/security.md): after FREE_FAILURES failed tries in a row a key is locked for 1 minute, each
// further failure doubles it, up to 1 hour; a success clears it; a key nobody failed on for a day
// is forgotten. The keys are the account (its username) and the OPENID trying, as the desk's are the
// account and the address. Unlike the desk (one process's memory), the record is in the store, so
// every function container sees it. The numbers are the desk's; services cannot import the host.

export const FREE_FAILURES = 5
const FIRST_LOCK_MS = 60_000
const MAX_LOCK_MS = 3_600_000
const FORGET_AFTER_MS = 24 * 3_600_000

/** The lock that follows the `failures`-th failure in a row: none before FREE_FAILURES, then 1, 2, 4 … 60 minutes. */
export function lockAfter(failures: number): number {
  if (failures < FREE_FAILURES) return 0
  return Math.min(FIRST_LOCK_MS * 2 ** (failures - FREE_FAILURES), MAX_LOCK_MS)
}

export const lockKeys = (username: string, subject: string) => [`account:${username.trim().toLowerCase()}`, `subject:${subject}`]

/** Seconds until every key is free again (0: free now). */
export async function lockedFor(deps: Deps, keys: string[]): Promise<number> {
  const now = deps.clock.now().getTime()
  const records = await Promise.all(keys.map((k) => deps.store.getLoginFailures(k)))
  const waits = records.map((r) => (r?.lockedUntil ? new Date(r.lockedUntil).getTime() - now : 0))
  return Math.max(0, Math.ceil(Math.max(...waits) / 1000))
}

/** After a check: a failure moves every key on; a success forgets them. */
export async function settle(deps: Deps, keys: string[], succeeded: boolean): Promise<void> {
  const { store, clock } = deps
  const now = clock.now()
  await Promise.all(
    keys.map(async (key) => {
      if (succeeded) return store.setLoginFailures(key, null)
      const before = await store.getLoginFailures(key)
      const stale = !before || now.getTime() - new Date(before.lastFailureAt).getTime() > FORGET_AFTER_MS
      const failures = (stale ? 0 : before.failures) + 1
      const lock = lockAfter(failures)
      const lockedUntil = lock > 0 ? new Date(now.getTime() + lock).toISOString() : null
      await store.setLoginFailures(key, { failures, lastFailureAt: now.toISOString(), lockedUntil })
    }),
  )
}
