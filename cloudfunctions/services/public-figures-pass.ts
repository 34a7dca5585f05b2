import { shanghaiMonth } from '../../src/domain/public-records/public-figures'
import type { Deps } from './context'
import { forgetPublicRecords } from './public-records'

// The pass that keeps the published figures (docs/public-records.md): for every shop of every site,
// its counters (one read of merchant_counters, or the document store's count() of flags) are rolled
// into the current month's row — the difference since the last pass. It never reads a case. The
// host runs it hourly (clock-scheduler.ts, job 'publish'); in CloudBase the clock function runs it
// once an hour. What happens between two passes lands in the month of the later one.

export interface PublishReport {
  shops: number
  moved: number
}

export async function rollPublicFigures(deps: Pick<Deps, 'store' | 'clock'>, now: Date): Promise<PublishReport> {
  const month = shanghaiMonth(now)
  const at = now.toISOString()
  const report: PublishReport = { shops: 0, moved: 0 }
  for (const site of await deps.store.listSites()) {
    let moved = 0
    for (const shop of await deps.store.listMerchantsOfSite(site.id)) {
      const counts = await deps.store.countMerchantCases(shop.id)
      report.shops++
      if (await deps.store.rollPublicFigures({ siteId: site.id, merchantId: shop.id, month, counts, at })) moved++
    }
    if (moved > 0) forgetPublicRecords(deps, site.id)
    report.moved += moved
  }
  return report
}

/** CloudBase's clock function runs every minute: the pass runs in the minute 7 of each hour. */
export const isPublishMinute = (now: Date) => now.getUTCMinutes() === 7
