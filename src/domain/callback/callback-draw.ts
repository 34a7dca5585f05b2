// The monthly draw (docs/callbacks.md "The draw"). Pure and reproducible: the same seed and the same
// population give the same sample, on any machine, with nothing but SHA-256 — each case's rank is
// sha256("<seed>:<caseId>") in hex, the lowest ranks are drawn. No Math.random, no clock: the seed
// is made once by the service (random bytes), stored with the population, and anyone can re-run it.

export const CALLBACK_RATE_PERCENT = 30

/** 30 % rounded up, in integer arithmetic (no floating-point rate anywhere near a ceiling). */
export const sampleSize = (population: number): number => Math.floor((population * CALLBACK_RATE_PERCENT + 99) / 100)

/** The population as the draw reads it: each case once, sorted by id (the order it is stored in). */
export const canonicalPopulation = (caseIds: readonly string[]): string[] => [...new Set(caseIds)].sort()

/**
 * The sampled case ids, in the order they were drawn (lowest rank first). `sha256` is the hex digest
 * of a UTF-8 string (passed in: the domain imports no crypto). Ties in rank — never seen with SHA-256,
 * but defined — fall back to the case id.
 */
export function drawSample(seed: string, population: readonly string[], sha256: (text: string) => string): string[] {
  const ranked = canonicalPopulation(population).map((id) => ({ id, rank: sha256(`${seed}:${id}`) }))
  ranked.sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : a.id < b.id ? -1 : 1))
  return ranked.slice(0, sampleSize(ranked.length)).map((r) => r.id)
}

export interface ToAssign {
  caseId: string
  /** who closed the case: never the one who calls back about it */
  closerId: string
}

/**
 * Round-robin over the site's active station staff (sorted by id), in draw order, skipping each
 * case's closer: the turn passes to the next person. null when the closer is the only one (or there
 * is nobody): the sample keeps the case and the page says it has no caller-back yet.
 */
export function assignCallers(sampled: readonly ToAssign[], staffIds: readonly string[]): (string | null)[] {
  const staff = [...new Set(staffIds)].sort()
  let turn = 0
  return sampled.map(({ closerId }) => {
    for (let i = 0; i < staff.length; i++) {
      const candidate = staff[(turn + i) % staff.length]
      if (candidate === closerId) continue
      turn = (turn + i + 1) % staff.length
      return candidate
    }
    return null
  })
}

/** Of several closures of one case in the month, the latest; sorted by case id (the stored population's order). */
export function latestClosures<T extends { caseId: string; closedAt: string }>(rows: readonly T[]): T[] {
  const byCase = new Map<string, T>()
  for (const r of rows) {
    const seen = byCase.get(r.caseId)
    if (!seen || Date.parse(r.closedAt) > Date.parse(seen.closedAt)) byCase.set(r.caseId, r)
  }
  return [...byCase.values()].sort((a, b) => (a.caseId < b.caseId ? -1 : 1))
}
