import { caseFactsOf } from '../../src/domain/metrics/case-facts'
import { caseContributionOf } from '../../src/domain/metrics/cubes'
import type { StatsPending } from '../ports/stats-store'
import type { Deps } from './context'
import { tick, type TickReport } from './tick'

// The statistics' upkeep (issue 18.2; ports/stats-store.ts, docs/metrics.md "Storage"). Every write
// that can change a case's figures marks the case in its own unit of work; this pass, run after each
// tick, recomputes each marked case's contribution from its case, timeline and clocks as of `now` and
// hands it to the store, which swaps it for the old one in the cube rows. A clock that ran out with no
// event is covered too: the tick marks the case when it moves that clock, just before this pass.

const BATCH = 100

/** What the upkeep needs: the store, and the chain key's MAC for the filer keys (the rebuild script has no more). */
export type StatsDeps = Pick<Deps, 'store' | 'chainSigner'>

/** The filer as the statistics know them: an HMAC under CHAIN_KEY (a key the database does not hold), labelled for this use only. */
export const statsFilerKey = (deps: Pick<Deps, 'chainSigner'>) => (subject: string) => deps.chainSigner.mac(`ks-stats-filer:${subject}`)

export interface StatsRefreshReport {
  refreshed: number
  /** the watermark set by this pass (the queue was empty at the end), else null */
  watermark: string | null
}

/** Refreshes the batch's cases in order until `stop` says so; answers how many it refreshed (the rest keep their marks). */
async function refreshBatch(deps: StatsDeps, now: Date, batch: readonly StatsPending[], stop: () => boolean): Promise<number> {
  const filerKey = statsFilerKey(deps)
  const clocks = await deps.store.listClocksOfCases(batch.map((p) => p.caseId))
  let done = 0
  for (const pending of batch) {
    if (stop()) break
    done += 1
    const c = await deps.store.getCase(pending.caseId)
    if (!c) {
      await deps.store.refreshCaseStats(pending, null) // gone: whatever it added is taken away
      continue
    }
    const [events, tags] = await Promise.all([deps.store.listEvents(c.id), deps.store.getCaseTags(c.id)])
    const own = clocks.filter((k) => k.caseId === c.id)
    // only the staff-confirmed tags count (docs/tags.md): a proposal is not a tag yet
    const facts = caseFactsOf(c, events, own, { asOf: now, filerKey, tags: tags?.confirmed ?? [] })
    await deps.store.refreshCaseStats(pending, caseContributionOf(facts))
  }
  return done
}

/**
 * Drain the marks, a batch at a time, oldest first. A mark written while its case was being refreshed
 * stays (the store clears only the mark it was handed), so such a case is refreshed again — but at most
 * once more in this pass: a case that keeps being marked is left for the next pass, not chased forever.
 * When the queue is empty at the end, the watermark moves to `now`: figures are exact as of it.
 * `maxCases` bounds one pass (the clock cloud function has seconds, not minutes): the rest waits for the next.
 * `stop`, asked before each case, ends the pass early (the cloud function's time budget: a case's cost in
 * requests varies, a deadline does not); the cases not taken keep their marks.
 */
export async function refreshStats(
  deps: StatsDeps,
  now: Date,
  maxCases = Number.POSITIVE_INFINITY,
  stop: () => boolean = () => false,
): Promise<StatsRefreshReport> {
  const times = new Map<string, number>() // refreshes of each case in this pass
  let refreshed = 0
  while (refreshed < maxCases && !stop()) {
    const room = Math.min(BATCH, maxCases - refreshed)
    const batch = (await deps.store.listStatsPending(room)).filter((p) => (times.get(p.caseId) ?? 0) < 2)
    if (batch.length === 0) break
    for (const p of batch) times.set(p.caseId, (times.get(p.caseId) ?? 0) + 1)
    const done = await refreshBatch(deps, now, batch, stop)
    refreshed += done
    if (done < batch.length) break // stopped: the queue is not empty, no watermark
  }
  if ((await deps.store.listStatsPending(1)).length > 0) return { refreshed, watermark: null }
  const watermark = now.toISOString()
  await deps.store.setStatsWatermark(watermark)
  return { refreshed, watermark }
}

/**
 * Cases one host pass refreshes at most: a backlog (an upgrade marks every existing case) is worked off
 * over the following minutes instead of holding the next tick back, and the watermark waits until it is.
 */
export const HOST_REFRESH_CASES = 500

/** The clocks, then the statistics they and the case writes since the last pass changed (host scheduler). */
export async function tickAndRefreshStats(deps: Deps, now: Date): Promise<TickReport> {
  const report = await tick(deps, now)
  await refreshStats(deps, now, HOST_REFRESH_CASES)
  return report
}
