import type { DocDb } from './doc-db'
import { drainedRecord, type UpgradeCursor } from './stats-upgrade-cursor'

// Whether the regulator's site-less twins (src/domain/metrics/site-less-cubes.ts) hold every counted case, so
// that a question for every site may be read from them (docs/statistics-scale.md). On a deployment that
// counted cases before them, the twins fill only as the upgrade's marks (stats-site-less-upgrade.ts) are
// refreshed — over many ticks — while the per-site cubes stay exact; until then the per-site cubes answer.
//
// Ready is a record, stats_meta/site-less-ready, written by the refresh pass that sets the watermark (the
// queue empty) once the upgrade's record says done, the queue read empty again after that record (so the
// last page's marks, written before it, were refreshed — also when another process wrote that page
// meanwhile). A fresh deployment: the first pass finds no contribution, is done, and the next watermark
// writes it. A deployment whose upgrade finished earlier (a `{ at }` record reads done): its next watermark.
// Once written it stays true (nothing stores a contribution without its cubes again): each process caches it.
const READY = 'site-less-ready'

export interface SiteLessReadiness {
  /** May the twins answer this caller? Nothing is read for a list of sites (the per-site cubes answer it). */
  twinsReady(ask: { sites: readonly string[] | null }): Promise<boolean>
  /** Called when the watermark has been set (the queue was empty): writes the record if the upgrade is done. */
  noteDrained(): Promise<void>
}

export function siteLessReadiness(db: DocDb, upgrade: UpgradeCursor): SiteLessReadiness {
  const record = drainedRecord(db, READY, upgrade)
  return {
    twinsReady: async (ask) => ask.sites === null && (await record.written()),
    noteDrained: () => record.noteDrained(),
  }
}
