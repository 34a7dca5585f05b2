import { fail, ok, type Result } from '../../../src/domain/errors'
import { previousQuarter, type PendingLetter } from '../../../src/domain/letters/pending-letter.schema'
import { quarterDays } from '../../../src/domain/reports/quarterly-report'
import { periodTitle } from '../../../src/domain/reports/report-figures'
import type { Store } from '../../ports/store'
import type { Deps, ServiceContext } from '../context'
import { quarterOf } from './analysis-letters'

// The quarterly run of 消费投诉分析建议书 (docs/analysis-letters.md, "The quarterly run"), called by the tick
// after the clocks. From the first tick of a new quarter (Beijing), each site's shops with at least one
// complaint in the quarter just ended get a 待送达建议书 entry; the station sees them and a recorded delivery
// clears them. The store writes an entry once (its key is site, quarter and shop), so a second tick or a
// second host adds nothing, and an entry already delivered is never owed again.
//
// The shops come from the statistics cubes, like the letter itself (complaints only, never a report), so
// the run waits until the statistics have been refreshed past the quarter's end: before that the last
// hours of the quarter may be missing from them. Each process remembers a quarter it has finished.
const finished = new WeakMap<Store, string>()

export const PENDING_LETTER_INBOX_TITLE = '您的消费投诉分析建议书即将送达'

export interface QuarterlyRunReport {
  /** the quarter whose letters were prepared; null when nothing was due to run */
  quarter: string | null
  /** entries this run added (zero on a second run) */
  added: number
}

/** One site's entries for `quarter`: every shop with a complaint in it. Answers how many were new. */
export async function prepareSiteLetters(deps: Deps, siteId: string, quarter: string, now: Date): Promise<number> {
  const days = quarterDays(quarter)
  if (!days) return 0
  const rows = await deps.store.sumCube({
    cube: 'month_merchant',
    ...days,
    sites: [siteId],
    where: { kind: 'complaint' },
    by: ['merchant'],
  })
  const complaints = new Map<string, number>()
  for (const r of rows) if (r.merchant && r.volume > 0) complaints.set(r.merchant, (complaints.get(r.merchant) ?? 0) + r.volume)
  const entries: PendingLetter[] = []
  for (const [merchantId, count] of complaints) {
    const merchant = await deps.store.getMerchant(merchantId)
    if (!merchant || merchant.siteId !== siteId) continue // a shop since removed or moved: nobody to send it to
    entries.push({
      siteId,
      quarter,
      merchantId,
      merchantName: merchant.name,
      complaints: count,
      preparedAt: now.toISOString(),
      deliveryId: null,
    })
  }
  const added = await deps.store.addPendingLetters(entries)
  // every entry of the quarter still owed, not only those added now: a run that added them and then stopped
  // while telling the shops (the function's time limit, an error) leaves the rest to the next run
  const owed = (await deps.store.listPendingLetters(siteId)).filter((e) => e.quarter === quarter)
  await tellShops(deps, owed, now)
  return added
}

/**
 * A shop with a clerk bound in the mini-program is told in its inbox that the letter is coming. The key is
 * the entry's (quarter, shop), so telling it again (every run until the quarter's run finishes) never writes
 * a second message.
 */
async function tellShops(deps: Deps, entries: readonly PendingLetter[], now: Date): Promise<void> {
  for (const e of entries) {
    if (!(await deps.store.listMembershipsOfMerchant(e.merchantId)).length) continue
    const key = `letter-due:${e.quarter}:${e.merchantId}`
    const recipient = { role: 'merchant' as const, id: e.merchantId }
    await deps.store.deliverToInbox(
      { eventId: key, recipient, channel: 'inbox', address: '' },
      {
        id: deps.ids.newId(),
        recipient,
        caseId: '',
        template: 'analysis_letter_due',
        title: PENDING_LETTER_INBOX_TITLE,
        body: `${periodTitle(e.quarter)}贵店共有 ${e.complaints} 件投诉，维权工作站将为您送达消费投诉分析建议书，请留意查收并落实改进建议。`,
        createdAt: now.toISOString(),
        readAt: null,
      },
      key,
    )
  }
}

/** The tick's part: last quarter's entries for every site, once the statistics cover the whole quarter. */
export async function prepareQuarterlyLetters(deps: Deps, now: Date): Promise<QuarterlyRunReport> {
  const current = quarterOf(now)
  const quarter = previousQuarter(current)
  if (finished.get(deps.store) === quarter) return { quarter: null, added: 0 }
  const watermark = await deps.store.statsWatermark()
  // the statistics are exact as of their watermark: it must lie in the new quarter (it is never after now)
  if (!watermark || quarterOf(new Date(watermark)) !== current) return { quarter: null, added: 0 }
  let added = 0
  for (const site of await deps.store.listSites()) added += await prepareSiteLetters(deps, site.id, quarter, now)
  finished.set(deps.store, quarter)
  return { quarter, added }
}

/** 待送达建议书 of the station's own site: the letters still owed, oldest quarter first. */
export async function listPendingLetters(ctx: ServiceContext): Promise<Result<PendingLetter[]>> {
  const staff = ctx.caller.staff
  if (!staff) return fail(ctx.caller.subject || ctx.caller.memberships.length ? 'FORBIDDEN' : 'UNAUTHENTICATED')
  if (staff.role !== 'station' || !staff.siteId) return fail('FORBIDDEN')
  return ok(await ctx.deps.store.listPendingLetters(staff.siteId))
}
