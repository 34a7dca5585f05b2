import type { Deps } from './context'

export interface MaintenanceReport {
  maintainedAt: string
}

/**
 * Keep the store's query plans right as its data grows (SQL: ANALYZE). The embedded PGlite has no
 * autovacuum, so without this its planner keeps the statistics of the day the tables were empty and
 * picks scans a 1M-case inbox cannot afford. The host's scheduler runs it hourly; a bulk load or a
 * backfill runs it once when done. On PostgreSQL autovacuum does the same; running it too is harmless.
 */
export async function maintainStore(deps: Pick<Deps, 'store' | 'clock'>): Promise<MaintenanceReport> {
  await deps.store.maintain()
  return { maintainedAt: deps.clock.now().toISOString() }
}
