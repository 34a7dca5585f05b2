import type { LoginFailures } from '../ports/staff-bindings'
import { FORGET_AFTER_MS, lockAfter } from '../../src/domain/staff/lockout-rule'
import type { Deps } from './context'

// Password binding in the mini-program locks out as the desk's sign-in does, by the same rule
// (src/domain/staff/lockout-rule.ts); a success clears it. The keys are the account (its username)
// and the OPENID trying, as the desk's are the account and the address.
//
// Unlike the desk (one process's memory), the record is in the store, so every function container
// sees it. A try is counted as a failure BEFORE its password is checked (a compare-and-swap, so
// parallel tries count one by one) and the count is cleared if it succeeds: as on the desk, tries
// in flight count, and a flood of parallel wrong passwords runs at most FREE_FAILURES checks.

const SWAP_ATTEMPTS = 20

export const lockKeys = (username: string, subject: string) => [`account:${username.trim().toLowerCase()}`, `subject:${subject}`]

const lockEnd = (r: LoginFailures) => new Date(r.lastFailureAt).getTime() + lockAfter(r.failures)
const stale = (r: LoginFailures, now: number) => now - new Date(r.lastFailureAt).getTime() > FORGET_AFTER_MS

/**
 * Count one try against a key, unless the key is locked: the seconds to wait (0: counted, go on).
 * Retried when another try counted first.
 */
async function countTry(deps: Deps, key: string): Promise<number> {
  const { store, clock } = deps
  for (let attempt = 0; attempt < SWAP_ATTEMPTS; attempt++) {
    const now = clock.now().getTime()
    const before = await store.getLoginFailures(key)
    const current = before && !stale(before, now) ? before : null
    if (current && lockEnd(current) > now) return Math.ceil((lockEnd(current) - now) / 1000)
    const failures = (current?.failures ?? 0) + 1
    const lock = lockAfter(failures)
    const next = { failures, lastFailureAt: new Date(now).toISOString(), lockedUntil: lock > 0 ? new Date(now + lock).toISOString() : null }
    if (await store.swapLoginFailures(key, before, next)) return 0
  }
  return 1 // too many tries at once on this key: ask again in a moment
}

/** Before checking a password: the seconds to wait when any key is locked; otherwise the try is counted (0). */
export async function beginTry(deps: Deps, keys: string[]): Promise<number> {
  // one key after the other: a try refused on the account's lock is not counted against the OPENID
  for (const key of keys) {
    const wait = await countTry(deps, key)
    if (wait > 0) return wait
  }
  return 0
}

/** A success clears every key (the try was counted as a failure until now). */
export async function succeeded(deps: Deps, keys: string[]): Promise<void> {
  await Promise.all(keys.map((key) => deps.store.setLoginFailures(key, null)))
}
