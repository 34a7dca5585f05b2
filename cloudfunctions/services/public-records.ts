import { fail, ok, type Result } from '../../src/domain/errors'
import { shanghaiMonth } from '../../src/domain/public-records/public-figures'
import {
  defaultSettings,
  publishEntries,
  windowOf,
  type PublicEntry,
  type PublishedEntry,
  type PublicRecordsView,
} from '../../src/domain/public-records/publication'
import type { Store } from '../ports/store'
import type { Deps } from './context'

// 投诉信息公示: the page of a site (docs/public-records.md). Made from the site's threshold, its shops'
// registry facts, the per-month figures (rolled from counters by public-figures-pass.ts) and the
// objections — five reads, none of them of a case. The view is kept in this process for a short
// while: the page is public and may be asked for often, and the figures move once an hour anyway.

/** How long a site's page is served from memory before it is read again. */
export const PUBLIC_CACHE_TTL_MS = 60_000

interface Cached {
  until: number
  view: PublicRecordsView
}

// one cache per store (a test opens many stores in one process; a function has one)
const caches = new WeakMap<Store, Map<string, Cached>>()
const cacheOf = (store: Store) => {
  let c = caches.get(store)
  if (!c) caches.set(store, (c = new Map()))
  return c
}

/** A write that changes the page (threshold, objection, a roll) drops this process's copy at once. */
export function forgetPublicRecords(deps: Pick<Deps, 'store'>, siteId: string) {
  cacheOf(deps.store).delete(siteId)
}

type Entry = PublishedEntry

/** The page's entries with each shop's id (for the services; the public view drops it). */
export async function computeEntries(deps: Pick<Deps, 'store' | 'clock'>, siteId: string) {
  const { store } = deps
  const currentMonth = shanghaiMonth(deps.clock.now())
  const { from, through } = windowOf(currentMonth)
  const [site, settings, shops, months, objections] = await Promise.all([
    store.getSite(siteId),
    store.getPublicSettings(siteId),
    store.listMerchantsOfSite(siteId),
    store.listPublicFigures(siteId, from, through),
    store.listObjectionsOfSite(siteId),
  ])
  if (!site) return null
  const threshold = (settings ?? defaultSettings(siteId)).threshold
  const entries: Entry[] = publishEntries({ shops, months, objections, threshold, currentMonth })
  return { site, threshold, from, through, entries }
}

/** Only the fields of a public entry, whatever else the entry carried. */
const publicEntry = (e: Entry): PublicEntry => ({
  name: e.name,
  uscc: e.uscc,
  industry: e.industry,
  doubleCommitmentSigned: e.doubleCommitmentSigned,
  complaints: e.complaints,
  responseRate: e.responseRate,
  settlementRate: e.settlementRate,
  objectionPending: e.objectionPending,
})

/** The public page of a site: anyone may ask; a second ask within the TTL reads nothing. */
export async function publicRecords(deps: Pick<Deps, 'store' | 'clock'>, siteId: string): Promise<Result<PublicRecordsView>> {
  const cache = cacheOf(deps.store)
  const now = deps.clock.now().getTime()
  const hit = cache.get(siteId)
  if (hit && hit.until > now) return ok(hit.view)
  const computed = await computeEntries(deps, siteId)
  if (!computed) return fail('SITE_NOT_FOUND')
  const { site, threshold, from, through, entries } = computed
  const view: PublicRecordsView = {
    site: { id: site.id, name: site.name, hotline: site.hotline },
    threshold,
    from,
    through,
    entries: entries.map(publicEntry),
  }
  cache.set(siteId, { until: now + PUBLIC_CACHE_TTL_MS, view })
  return ok(view)
}
