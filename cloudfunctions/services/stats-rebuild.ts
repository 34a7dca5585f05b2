import { refreshStats, type StatsDeps } from './stats-upkeep'

// npm run stats:rebuild (scripts/stats-rebuild.ts) and the rebuild test: the statistics from nothing,
// read again from every case's timeline and clocks. Empties the read model, marks every case (a page
// of the case list at a time), then lets the upkeep's own refresh count each of them as of `now` —
// one code path for the upkeep and the rebuild, so a rebuild compares the upkeep with itself from scratch.

const PAGE = 500

export interface RebuildReport {
  cases: number
  refreshed: number
  watermark: string | null
}

export async function rebuildStats(deps: StatsDeps, now: Date, say: (line: string) => void = () => {}): Promise<RebuildReport> {
  await deps.store.clearStats()
  let cases = 0
  for (let offset = 0; ; offset += PAGE) {
    const page = await deps.store.listAllCases({ limit: PAGE, offset })
    if (page.length === 0) break
    await deps.store.markStatsPending(
      page.map((c) => c.id),
      now.toISOString(),
    )
    cases += page.length
    say(`已标记 ${cases} 件`)
    if (page.length < PAGE) break
  }
  const { refreshed, watermark } = await refreshStats(deps, now)
  say(`已重算 ${refreshed} 件，统计截至 ${watermark ?? '（仍有待处理的案件）'}`)
  return { cases, refreshed, watermark }
}
