import { assignCallers, canonicalPopulation, drawSample } from '../../../src/domain/callback/callback-draw'
import { callbackClock, callbackDue, monthKey, monthOf, monthRange, previousMonth } from '../../../src/domain/callback/callback-due'
import type { CallbackItem, CallbackSample } from '../../../src/domain/callback/callback.schema'
import { shanghaiParts } from '../../../src/domain/time'
import type { Store } from '../../ports/store'
import type { Deps } from '../context'

// The monthly draw of the call-back sample (docs/callbacks.md), run by the tick. On the 1st (Beijing
// time) each site's closed complaints of last month are drawn: 30 % rounded up, from a fresh random
// seed stored with the population, so anyone can re-run it (callback-draw.ts). A site's month is drawn
// once: the store refuses a second sample. Only on the 1st: a tick on any other day costs nothing
// (a host down for the whole 1st misses the month — docs/callbacks.md says how to draw it by hand with
// drawSiteSample). Each process remembers a month it has finished, so the 1st's other ticks ask nothing.
const DRAW_DAY = 1
const finished = new WeakMap<Store, string>()

const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')

export interface DrawReport {
  month: string | null
  /** sites whose sample this run wrote */
  sites: number
  sampled: number
}

/** The site's active station staff: who may be asked to call back. */
async function stationStaffOf(deps: Deps, siteId: string): Promise<string[]> {
  const all = await deps.store.listStaffAccounts()
  return all.filter((s) => s.role === 'station' && s.siteId === siteId && !s.disabledAt).map((s) => s.id)
}

/** Draw one site's sample of `month`; false when it was drawn already. */
export async function drawSiteSample(deps: Deps, siteId: string, now: Date): Promise<{ drawn: boolean; sampled: number }> {
  const sampledMonth = previousMonth(monthOf(now))
  const key = monthKey(sampledMonth)
  if (await deps.store.getCallbackSample(siteId, key)) return { drawn: false, sampled: 0 }
  const { from, to } = monthRange(sampledMonth)
  const closed = await deps.store.listClosedComplaints(siteId, from, to)
  const seed = hex(deps.secrets.randomBytes(16))
  const population = canonicalPopulation(closed.map((c) => c.caseId))
  const chosen = drawSample(seed, population, (text) => deps.secrets.hashToken(text)) // hashToken is SHA-256 hex
  const byId = new Map(closed.map((c) => [c.caseId, c]))
  const picked = chosen.map((id) => byId.get(id)).filter((c) => c !== undefined)
  const assignees = assignCallers(picked, await stationStaffOf(deps, siteId))
  const drawnAt = now.toISOString()
  const due = callbackDue(monthOf(now), deps.calendar)
  const items: CallbackItem[] = picked.map((c, i) => ({
    caseId: c.caseId,
    caseNo: c.caseNo,
    closerId: c.closerId,
    closedAt: c.closedAt,
    assigneeId: assignees[i],
    status: 'pending',
    attempts: [],
    answers: null,
    doneBy: null,
    doneAt: null,
    eventId: null,
  }))
  const sample: CallbackSample = {
    siteId,
    month: key,
    seed,
    population,
    drawnAt,
    dueDate: due.dueDate,
    dueAt: due.dueAt,
    dueExplanation: due.explanation,
    items,
    version: 0,
  }
  const drawn = await deps.store.createCallbackSample(
    sample,
    items.map((i) => callbackClock(i.caseId, drawnAt, due)),
  )
  return { drawn, sampled: drawn ? items.length : 0 }
}

/** The tick's part: on the 1st, draw every site's sample of last month not drawn yet. */
export async function drawMonthlyCallbacks(deps: Deps, now: Date): Promise<DrawReport> {
  if (shanghaiParts(now).day !== DRAW_DAY) return { month: null, sites: 0, sampled: 0 }
  const key = monthKey(previousMonth(monthOf(now)))
  if (finished.get(deps.store) === key) return { month: key, sites: 0, sampled: 0 }
  const report: DrawReport = { month: key, sites: 0, sampled: 0 }
  for (const site of await deps.store.listSites()) {
    const r = await drawSiteSample(deps, site.id, now)
    if (r.drawn) report.sites++
    report.sampled += r.sampled
  }
  finished.set(deps.store, key)
  return report
}
