import { z } from 'zod'
import { CUBE_IDS, type CaseContribution, type CubeId } from '../../src/domain/metrics/cubes'
import { COUNTER_NAMES, ZERO, type CounterName, type Counters } from '../../src/domain/metrics/counters'
import type { Dimension } from '../../src/domain/metrics/dimensions'

// What both statistics adapters (SQL and the document database) read back: counters by name, a
// stored per-case contribution, a cube id. Validated at the boundary like every other row or document.

/** Counters read field by field (0 for a counter the source does not hold yet). */
export function countersFrom(read: (name: CounterName) => unknown): Counters {
  const counters: Counters = { ...ZERO }
  for (const name of COUNTER_NAMES) counters[name] = Number(read(name) ?? 0)
  return counters
}

const Dims = {
  site: z.string(),
  merchant: z.string(),
  industry: z.string(),
  problemType: z.string(),
  channel: z.string(),
  kind: z.string(),
}

const ContributionSchema = z.object({
  row: z.object({ day: z.string(), ...Dims }).and(z.record(z.string(), z.unknown())),
  slot: z.string(),
  filerKey: z.string().nullable(),
  /** absent in a contribution stored before tags were counted (migration 0031) */
  tags: z.array(z.string()).optional(),
  /** absent in a contribution stored before migration 0032 (cubes.ts countedIn) */
  cubes: z.array(z.string()).optional(),
})

/** A stored contribution (JSON), validated; its counters come back whole. */
export function parseContribution(stored: unknown): CaseContribution {
  const c = ContributionSchema.parse(stored)
  const { day, site, merchant, industry, problemType, channel, kind } = c.row
  const counters = countersFrom((name) => c.row[name])
  const cubes = c.cubes?.filter((id): id is CubeId => CUBE_IDS.some((known) => known === id))
  return {
    row: { day, site, merchant, industry, problemType, channel, kind, ...counters },
    slot: c.slot,
    filerKey: c.filerKey,
    ...(cubes ? { cubes } : {}),
    ...(c.tags ? { tags: c.tags } : {}),
  }
}

export const CubeIdSchema = z.string().refine((v): v is CubeId => CUBE_IDS.some((id) => id === v))

/** A dimension's SQL column / a counter's: problemType → problem_type, response24hMet → response24h_met. */
export const snakeCase = (name: CounterName | Dimension): string => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
