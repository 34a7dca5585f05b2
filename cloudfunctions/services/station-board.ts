import { z } from 'zod'
import type { BoardFilterSchema, StaffMeSchema, StationBoardSchema } from '../../src/domain/api/contract'
import type { CaseDetail, CaseSummary } from '../../src/domain/case-view.schema'
import type { CaseStatus } from '../../src/domain/case.schema'
import type { ClockStage } from '../../src/domain/clocks/case-clock'
import type { ClockId } from '../../src/domain/clocks/clock-rules'
import { clockView } from '../../src/domain/clocks/clock-view'
import { fail, ok, type Result } from '../../src/domain/errors'
import type { BoardCursor, BoardItem, BoardQuery, ClockSummary } from '../ports/store'
import { canSee } from './case-actions'
import { excerptOf, loadCaseDetail } from './case-views'
import { logAccess } from './access-log'
import type { ServiceContext } from './context'

type StaffMe = z.infer<typeof StaffMeSchema>
type StationBoard = z.infer<typeof StationBoardSchema>
type BoardFilter = z.output<typeof BoardFilterSchema>

// The board is selected, filtered, sorted and paged by the store (listBoard), from summary fields
// kept on each case: a page costs the same at 100 cases or 1M, and every open case can be reached.
const BOARD_PAGE = 50

export async function getStaffMe(ctx: ServiceContext): Promise<Result<StaffMe>> {
  const staff = ctx.caller.staff
  if (!staff) return fail('UNAUTHENTICATED')
  const site = staff.siteId ? await ctx.deps.store.getSite(staff.siteId) : null
  return ok({ displayName: staff.displayName, role: staff.role, siteName: site?.name ?? null })
}

/** The stage by time: the board shows the soonest clock as of now, not as of the last tick. */
function stageAt(k: ClockSummary, now: Date): ClockStage {
  const t = now.getTime()
  if (t >= Date.parse(k.dueAt)) return 'overdue'
  if (t >= Date.parse(k.urgeAt)) return 'urged'
  if (t >= Date.parse(k.remindAt)) return 'reminded'
  return 'running'
}

function summaryOf(item: BoardItem, now: Date): CaseSummary {
  const { nextClock, descriptionStart, ...rest } = item
  return {
    ...rest,
    excerpt: excerptOf(descriptionStart),
    nextDue: nextClock ? clockView({ ...nextClock, stage: stageAt(nextClock, now) }, now) : null,
  }
}

// The cursor is opaque to the app: the last row's sort key, which only the next request reads back.
const CursorSchema = z.tuple([z.iso.datetime(), z.string().min(1)])
const encodeCursor = (c: BoardCursor) => Buffer.from(JSON.stringify([c.dueAt, c.id])).toString('base64url')
function decodeCursor(text: string): BoardCursor | null {
  try {
    const parsed = CursorSchema.safeParse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')))
    return parsed.success ? { dueAt: parsed.data[0], id: parsed.data[1] } : null
  } catch {
    return null // not JSON: a cursor we never handed out
  }
}

const dueOf = (item: BoardItem) => item.nextClock?.dueAt ?? '9999' // no running clock: last, as the store sorts
const byDue = (a: BoardItem, b: BoardItem) => dueOf(a).localeCompare(dueOf(b)) || a.id.localeCompare(b.id)

/**
 * 未结 means someone still owes the shopper something, and a case in a final status can still owe:
 * after 办结 the return visit (issue 16) and the fast-track team's report back; after a 转办 outside the
 * system the hand-over until its receipt or sending is recorded (issue 17). Such cases stay on the open
 * board while that clock runs. They are few (days each), and the store sorts running clocks first, so
 * they come with the first page, in due order among its cases, under the same filters; the store's own
 * "open" stays the status set its indexes cover.
 */
const OWED_AFTER_THE_END: readonly { status: CaseStatus; clocks: readonly ClockId[] }[] = [
  { status: 'closed', clocks: ['return_visit', 'fast_track_feedback'] },
  { status: 'transferred', clocks: ['handover_department', 'handover_police', 'cross_region_transfer'] },
]

async function owedAfterTheEnd(ctx: ServiceContext, query: BoardQuery, filter: BoardFilter): Promise<BoardItem[]> {
  if (filter.scope !== 'open' || query.after) return []
  const wanted = OWED_AFTER_THE_END.filter(({ status }) => !filter.status || filter.status === status)
  const pages = await Promise.all(
    wanted.map(async ({ status, clocks }) => {
      const page = await ctx.deps.store.listBoard({ ...query, openOnly: false, status })
      return page.items.filter((item) => item.nextClock && clocks.includes(item.nextClock.clockId))
    }),
  )
  return pages.flat()
}

/** The board: a station sees its own site; a regulator (no site) sees every site. One page at a time. */
export async function getStationBoard(ctx: ServiceContext, filter: BoardFilter): Promise<Result<StationBoard>> {
  const staff = ctx.caller.staff
  if (!staff) return fail('UNAUTHENTICATED')
  const { store } = ctx.deps
  const siteId = staff.siteId
  if (!siteId && !(staff.role === 'regulator' && siteId === null)) return fail('FORBIDDEN') // only a regulator spans every site
  const after = filter.cursor ? decodeCursor(filter.cursor) : null
  if (filter.cursor && !after) return fail('VALIDATION_FAILED', { cursor: '列表已更新，请从第一页重新加载' })
  const merchant = filter.merchantCode ? await store.findMerchantByCode(filter.merchantCode) : null
  const site = siteId ? await store.getSite(siteId) : null
  if (filter.merchantCode && !merchant) return ok({ siteName: site?.name ?? null, items: [], nextCursor: null })
  const now = ctx.deps.clock.now()
  const query = {
    siteId,
    openOnly: filter.scope === 'open',
    status: filter.status,
    kind: filter.kind,
    channel: filter.channel,
    industry: filter.industry,
    tag: filter.tag,
    merchantId: merchant?.id,
    colour: filter.colour,
    text: filter.text || undefined,
    now: now.toISOString(),
    after,
    limit: BOARD_PAGE,
  }
  // the owed-after-the-end reads depend only on the query, so they go out beside the page's own
  const [page, owed] = await Promise.all([store.listBoard(query), owedAfterTheEnd(ctx, query, filter)])
  return ok({
    siteName: site?.name ?? null,
    items: [...page.items, ...owed].sort(byDue).map((item) => summaryOf(item, now)),
    nextCursor: page.next ? encodeCursor(page.next) : null,
  })
}

/** One case for station staff: everything, with the steps their role may take now. */
export async function getStationCase(ctx: ServiceContext, caseId: string): Promise<Result<CaseDetail>> {
  const staff = ctx.caller.staff
  const role = staff?.role
  if (!staff || (role !== 'station' && role !== 'regulator')) return fail('FORBIDDEN')
  const found = await ctx.deps.store.getCase(caseId)
  if (!found || !canSee(ctx.caller, found, role)) return fail('CASE_NOT_FOUND')
  await logAccess(ctx.deps, found.id, { role, id: staff.staffId }, 'station.getCase')
  return ok(await loadCaseDetail(ctx.deps, found, 'full', role, ctx.caller.staff?.staffId))
}
