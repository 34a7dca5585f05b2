import type { Deps } from './context'

// Uploads no case claimed within a day are removed, row and bytes (docs/security.md): a file is
// uploaded while the complaint is written and claimed when it is sent, which takes minutes, not
// days. Without this, anyone could fill the disk with files that belong to nobody.
// The local host's scheduler runs it hourly (host/clock-scheduler.ts).

export const UNCLAIMED_MAX_AGE_MS = 24 * 3_600_000
const BATCH = 200

export interface CleanupReport {
  removed: number
  bytes: number
}

/**
 * Remove unclaimed uploads older than a day as of `now`. The row goes first, and only if still
 * unclaimed: a case that claims the file at that very moment keeps it, bytes and all. A crash
 * between the two leaves bytes no row names, never a row without its bytes.
 */
export async function removeUnclaimedUploads(deps: Pick<Deps, 'store' | 'files'>, now: Date): Promise<CleanupReport> {
  const before = new Date(now.getTime() - UNCLAIMED_MAX_AGE_MS).toISOString()
  const report: CleanupReport = { removed: 0, bytes: 0 }
  for (;;) {
    const stale = await deps.store.listUnclaimedEvidenceBefore(before, BATCH)
    let progressed = false
    for (const evidence of stale) {
      if (!(await deps.store.deleteUnclaimedEvidence(evidence.id))) continue // claimed meanwhile
      await deps.files.remove(evidence.storageKey)
      report.removed++
      report.bytes += evidence.bytes
      progressed = true
    }
    if (stale.length < BATCH || !progressed) return report
  }
}
