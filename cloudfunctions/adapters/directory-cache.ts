import type { Merchant } from '../../src/domain/merchant.schema'
import type { Site } from '../../src/domain/site.schema'
import type { DirectoryStore } from '../ports/store'

/**
 * How long a shop or a site read by this process is reused without asking the database again.
 *
 * Within one process nothing is ever stale: saveMerchant and saveSite (which every registry edit,
 * import and settings change goes through) empty the cache before they return. The TTL only bounds
 * what another process changed — a second host, or a cloud function instance: there, a renamed shop
 * still shows its old name on new receipts, a moved shop files at its old site, and a site's changed
 * clock settings (hours, holidays) reach new cases, for at most this long. All three are corrected by
 * a person within minutes anyway (the station reassigns; the clock settings change prospectively), and
 * nothing a shopper files is lost or refused because of it: a shop that does not exist yet is never
 * cached (a miss asks again), so a shop added on another host can be filed against at once.
 */
export const DIRECTORY_CACHE_TTL_MS = 30_000

const MAX_ENTRIES = 5_000 // a city's shops; beyond this the oldest go first

interface Entry<T> {
  value: T
  until: number
}

function ttlMap<T>(ttlMs: number, now: () => number) {
  const entries = new Map<string, Entry<T>>()
  return {
    async get(key: string, load: () => Promise<T | null>): Promise<T | null> {
      const hit = entries.get(key)
      if (hit && hit.until > now()) return hit.value
      const value = await load()
      entries.delete(key)
      if (value !== null) {
        if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string)
        entries.set(key, { value, until: now() + ttlMs })
      }
      return value
    },
    clear: () => entries.clear(),
  }
}

/**
 * The directory with the two reads every submit makes (the shop by its QR code, its site) kept in
 * process. Reads that list or search shops always go to the database.
 */
export function cachedDirectory(inner: DirectoryStore, ttlMs = DIRECTORY_CACHE_TTL_MS, now = () => Date.now()): DirectoryStore {
  const byCode = ttlMap<Merchant>(ttlMs, now)
  const sites = ttlMap<Site>(ttlMs, now)
  // a generation number: a read that began before a save must not put the old row back afterwards
  let generation = 0
  const guarded =
    <T>(load: () => Promise<T | null>) =>
    async () => {
      const seen = generation
      const value = await load()
      if (seen !== generation) throw new StaleRead(value)
      return value
    }
  const read = async <T>(map: ReturnType<typeof ttlMap<T>>, key: string, load: () => Promise<T | null>) => {
    try {
      return await map.get(key, guarded(load))
    } catch (error) {
      if (error instanceof StaleRead) return error.value as T | null // answered, not kept
      throw error
    }
  }
  const invalidate = () => {
    generation++
    byCode.clear()
    sites.clear()
  }
  return {
    ...inner,
    findMerchantByCode: (code) => read(byCode, code, () => inner.findMerchantByCode(code)),
    getSite: (id) => read(sites, id, () => inner.getSite(id)),
    async saveMerchant(m) {
      invalidate()
      try {
        await inner.saveMerchant(m)
      } finally {
        invalidate()
      }
    },
    async saveSite(s) {
      invalidate()
      try {
        await inner.saveSite(s)
      } finally {
        invalidate()
      }
    },
  }
}

class StaleRead extends Error {
  constructor(readonly value: unknown) {
    super('read overlapped a save')
  }
}
