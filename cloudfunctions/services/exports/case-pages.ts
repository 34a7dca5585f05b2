import type { Case, CaseEvent } from '../../../src/domain/case.schema'
import type { CaseClock } from '../../../src/domain/clocks/case-clock'
import { dayOf } from '../../../src/domain/metrics/period'
import type { Deps } from '../context'

// The cases of one site (or every site) that reached us in a range of Beijing days, page by page, each
// page with its cases' clocks (one batch read) and timelines. The store lists cases newest first by
// createdAt; receivedAt is never later than createdAt (a hand-over is typed after it arrived), so once a
// whole page was created before the range began, nothing older can fall in it and the reading stops.
// A page is yielded before the next one is read: a consumer that writes it out holds one page at a time.

export const CASE_PAGE = 100

export interface CaseBundle {
  case: Case
  events: CaseEvent[]
  clocks: CaseClock[]
}

export interface CaseSelection {
  /** null: every site */
  siteId: string | null
  from: string
  to: string
  /** cases per store read (tests make it small to see several pages) */
  pageSize?: number
  /**
   * only cases created at or before this instant: the numbered files of one cloud export keep the first
   * file's instant, so a case filed in between shifts no window (docs/cloud-exports.md)
   */
  until?: string
}

/** The UTC instant the Beijing day `day` begins. */
export const startOfDay = (day: string) => new Date(`${day}T00:00:00+08:00`)

const receivedDay = (c: Case) => dayOf(c.receivedAt ?? c.createdAt)

/**
 * A slice of the selection in its order: the cases after the first `skip`, at most `take` of them (a cloud
 * file holds a bounded number; docs/cloud-exports.md). Skipped cases are read as cases only: no clocks, no
 * timelines, no access log.
 */
export interface CaseWindow {
  skip: number
  take: number
}

function windowed(inRange: Case[], seen: number, window: CaseWindow | undefined): Case[] {
  if (!window) return inRange
  const from = Math.max(0, window.skip - seen)
  const to = Math.max(0, window.skip + window.take - seen)
  return inRange.slice(from, to)
}

/** The selected cases alone (no events, no clocks), page by page: counting, and the readers below. */
export async function* selectedCasePages(deps: Deps, sel: CaseSelection, window?: CaseWindow): AsyncGenerator<Case[]> {
  const limit = sel.pageSize ?? CASE_PAGE
  const begins = startOfDay(sel.from).getTime()
  let seen = 0
  for (let offset = 0; ; offset += limit) {
    const page = sel.siteId
      ? await deps.store.listCasesForSite(sel.siteId, { limit, offset })
      : await deps.store.listAllCases({ limit, offset })
    const inRange = page.filter((c) => {
      const day = receivedDay(c)
      return day >= sel.from && day <= sel.to && (sel.until === undefined || Date.parse(c.createdAt) <= Date.parse(sel.until))
    })
    const kept = windowed(inRange, seen, window)
    seen += inRange.length
    if (kept.length) yield kept
    if (window && seen >= window.skip + window.take) return
    const olderThanRange = page.length > 0 && Date.parse(page[page.length - 1].createdAt) < begins
    if (page.length < limit || olderThanRange) return
  }
}

/** The same pages with each case's clocks (one read per page) and timeline. */
export async function* selectedCaseBundles(deps: Deps, sel: CaseSelection, window?: CaseWindow): AsyncGenerator<CaseBundle[]> {
  for await (const cases of selectedCasePages(deps, sel, window)) {
    const ids = cases.map((c) => c.id)
    // the store has no batch read of events; the page's reads go out together rather than one after another
    const [clocks, timelines] = await Promise.all([
      deps.store.listClocksOfCases(ids),
      Promise.all(ids.map((id) => deps.store.listEvents(id))),
    ])
    yield cases.map((c, i) => ({ case: c, events: timelines[i], clocks: clocks.filter((k) => k.caseId === c.id) }))
  }
}

export async function countSelectedCases(deps: Deps, sel: CaseSelection): Promise<number> {
  let n = 0
  for await (const cases of selectedCasePages(deps, sel)) n += cases.length
  return n
}
