import { FORGET_AFTER_MS, FREE_FAILURES, lockAfter } from '../../src/domain/staff/lockout-rule'
import type { Clock } from '../ports/system'

// Staff sign-in lockout with backoff, by the rule in src/domain/staff/lockout-rule.ts (docs/security.md).
// Each account and each address has its own record; a success clears the account and the address.
//
// Tries in flight count as failures until they end: 64 parallel wrong passwords run at most
// FREE_FAILURES password checks (each ~50–100 ms of scrypt CPU); the rest are refused at once, so a
// flood cannot starve a real sign-in of CPU. Records live in this process's memory: a restart
// forgets them, and several hosts each keep their own (the per-minute rate limit still applies).

const MAX_RECORDS = 100_000 // a spray of made-up usernames cannot grow memory without end

interface Attempts {
  failures: number
  inFlight: number
  lastFailureAt: number
  lockedUntil: number
}

export type LockVerdict = { locked: false } | { locked: true; retryAfterS: number }

export function loginLockout(clock: Clock) {
  const records = new Map<string, Attempts>()
  const now = () => clock.now().getTime()

  function recordOf(key: string): Attempts {
    let record = records.get(key)
    if (record && record.inFlight === 0 && now() - record.lastFailureAt > FORGET_AFTER_MS) {
      records.delete(key)
      record = undefined
    }
    if (!record) {
      if (records.size >= MAX_RECORDS) forgetIdle()
      record = { failures: 0, inFlight: 0, lastFailureAt: 0, lockedUntil: 0 }
      records.set(key, record)
    }
    return record
  }

  function forgetIdle() {
    for (const [key, r] of records) if (r.inFlight === 0 && r.lockedUntil <= now()) records.delete(key)
  }

  return {
    /**
     * Before checking a password: refused while any of the keys is locked, or while its failures
     * plus the tries still running reach the threshold. Otherwise the try is counted as running
     * until `settle` is called.
     */
    begin(keys: string[]): LockVerdict {
      const t = now()
      const mine = keys.map(recordOf)
      const waits = mine.map((r) => {
        if (r.lockedUntil > t) return r.lockedUntil - t
        if (r.inFlight > 0 && r.failures + r.inFlight >= FREE_FAILURES) return 1000 // ask again when those end
        return 0
      })
      const wait = Math.max(...waits)
      if (wait > 0) return { locked: true, retryAfterS: Math.ceil(wait / 1000) }
      for (const r of mine) r.inFlight++
      return { locked: false }
    },

    /** After checking: a failure moves every key on; a success clears them. */
    settle(keys: string[], succeeded: boolean) {
      const t = now()
      for (const key of keys) {
        const r = recordOf(key)
        r.inFlight = Math.max(0, r.inFlight - 1)
        if (succeeded) {
          r.failures = 0
          r.lockedUntil = 0
          continue
        }
        r.failures++
        r.lastFailureAt = t
        const lock = lockAfter(r.failures)
        if (lock > 0) r.lockedUntil = t + lock
      }
    },
  }
}

export type LoginLockout = ReturnType<typeof loginLockout>
