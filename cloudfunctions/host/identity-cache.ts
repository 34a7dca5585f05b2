import type { Membership } from '../ports/records'
import type { DeviceToken, Store } from '../ports/store'

/**
 * How long this process reuses a device token's owner, or a subject's active shop bindings, without
 * asking the database again. Every API call needs both (device-identity.ts, resolve-caller.ts).
 *
 * Within this process nothing is ever stale: every write that changes the answer goes through this
 * decorator and drops the entry before it returns — a token rotated (its old hash) or issued, a
 * binding saved (a clerk approved, refused or revoked) or requested. The TTL only bounds what another
 * process changed against the same database (a second host, a script): there a retired token still
 * works here, and a revoked clerk still acts here, for at most this long. A token or a subject the
 * database does not know is never kept, so a browser whose token another host issued is known at once.
 */
export const IDENTITY_CACHE_TTL_MS = 5_000

/** Browsers active within the TTL; beyond this the least recently used go first. */
const MAX_ENTRIES = 10_000

type Cached = Pick<
  Store,
  'findDeviceToken' | 'issueDeviceToken' | 'rotateDeviceToken' | 'saveMembership' | 'listActiveMembershipsOf' | 'requestMembership'
>

export interface IdentityCacheOptions {
  ttlMs?: number
  maxEntries?: number
  /** ms; injected by tests to step past the TTL without waiting */
  now?: () => number
}

/**
 * A bounded map of short-lived answers. One load per key at a time (concurrent readers share it);
 * `forget` drops a key and disowns a load already under way, whose answer (read before the write
 * that forgets it may have committed) is handed to its readers but not kept.
 */
export function lruTtl<T>(ttlMs: number, maxEntries: number, now: () => number) {
  const entries = new Map<string, { value: T; until: number }>()
  const loading = new Map<string, Promise<T | null>>()
  const keep = (key: string, value: T) => {
    entries.delete(key)
    entries.set(key, { value, until: now() + ttlMs })
    if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string) // Map keeps insertion order
  }
  return {
    async get(key: string, load: () => Promise<T | null>): Promise<T | null> {
      const hit = entries.get(key)
      if (hit && hit.until > now()) {
        entries.delete(key) // to the back: recently used
        entries.set(key, hit)
        return hit.value
      }
      if (hit) entries.delete(key)
      const under = loading.get(key)
      if (under) return under
      const flight = load().then(
        (value) => {
          if (loading.get(key) === flight) {
            loading.delete(key)
            if (value !== null) keep(key, value)
          }
          return value
        },
        (error: unknown) => {
          if (loading.get(key) === flight) loading.delete(key)
          throw error
        },
      )
      loading.set(key, flight)
      return flight
    },
    /** the kept answer, if still fresh; never asks the database */
    peek(key: string): T | null {
      const hit = entries.get(key)
      return hit && hit.until > now() ? hit.value : null
    },
    /** an answer this process just wrote itself */
    set(key: string, value: T) {
      loading.delete(key)
      keep(key, value)
    },
    forget(key: string) {
      loading.delete(key)
      entries.delete(key)
    },
    get size() {
      return entries.size
    },
  }
}

/** Run a write, forgetting what it changes before it (readers meanwhile ask the database) and after it, whatever its outcome. */
async function writeThrough<R>(forget: () => void, write: () => Promise<R>): Promise<R> {
  forget()
  try {
    return await write()
  } finally {
    forget()
  }
}

/**
 * The store with the two reads every API call makes — a device token's owner and the caller's active
 * shop bindings — kept in process. Everything else goes to `inner` unchanged.
 */
export function cachedIdentity<S extends Cached>(inner: S, opts: IdentityCacheOptions = {}): S {
  const ttlMs = opts.ttlMs ?? IDENTITY_CACHE_TTL_MS
  const maxEntries = opts.maxEntries ?? MAX_ENTRIES
  const now = opts.now ?? (() => Date.now())
  const tokens = lruTtl<DeviceToken>(ttlMs, maxEntries, now)
  const memberships = lruTtl<Membership[]>(ttlMs, maxEntries, now)
  const live = (subject: string): DeviceToken => ({ subject, retiredAt: null, retiredFor: null })
  return {
    ...inner,
    findDeviceToken: (tokenHash) => tokens.get(tokenHash, () => inner.findDeviceToken(tokenHash)),
    async issueDeviceToken(tokenHash, subject, at) {
      await writeThrough(
        () => tokens.forget(tokenHash),
        () => inner.issueDeviceToken(tokenHash, subject, at),
      )
      tokens.set(tokenHash, live(subject)) // the browser presents it on its next request
    },
    async rotateDeviceToken(oldHash, newHash, at, retiredFor) {
      // the old token's owner, if this process read it (it did: the request presenting it just did)
      const owner = tokens.peek(oldHash)?.subject
      await writeThrough(
        () => {
          tokens.forget(oldHash)
          tokens.forget(newHash)
        },
        () => inner.rotateDeviceToken(oldHash, newHash, at, retiredFor),
      )
      if (owner) tokens.set(newHash, live(owner)) // the same owner, as the rotation wrote it
    },
    listActiveMembershipsOf: (subject) => memberships.get(subject, () => inner.listActiveMembershipsOf(subject)),
    saveMembership: (m) =>
      writeThrough(
        () => memberships.forget(m.subject),
        () => inner.saveMembership(m),
      ),
    requestMembership: (m) =>
      writeThrough(
        () => memberships.forget(m.subject),
        () => inner.requestMembership(m),
      ),
  }
}

const decorated = new WeakMap<object, unknown>()

/**
 * The identity cache of this store, made once per store object: two servers built on one store (the
 * bench builds a second to count round trips) share one cache, so a write through either is seen by both.
 */
export function withIdentityCache<S extends Cached>(store: S): S {
  const known = decorated.get(store) as S | undefined
  if (known) return known
  const cached = cachedIdentity(store)
  decorated.set(store, cached)
  decorated.set(cached, cached) // decorating the decorated store is a no-op
  return cached
}
