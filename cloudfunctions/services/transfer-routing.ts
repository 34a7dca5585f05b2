import type { Case, CaseEvent } from '../../src/domain/case.schema'
import type { CaseClock } from '../../src/domain/clocks/case-clock'
import { merchantClockSettings } from '../../src/domain/clocks/merchant-clock-settings'
import { fail, ok, type Result } from '../../src/domain/errors'
import type { Role } from '../../src/domain/identity'
import type { Merchant } from '../../src/domain/merchant.schema'
import type { EventDetails } from '../../src/domain/workflow/event-details'
import { clocksOnArrival, clocksOnSendBack, keepDestinationClock } from '../../src/domain/workflow/transfer-clocks'
import { pendingTransfer } from '../../src/domain/workflow/transfer'
import type { CaseAction } from '../../src/domain/workflow/transitions'
import type { ServiceContext } from './context'

// Where a transfer takes a case (docs/domain.md "Transfers", src/domain/workflow/transfer.ts). The
// state machine says whether 转办 / 退回 / 记录回执 are legal; this says what they move: the site the
// case lives at (and so who may see it: canSee compares the caller's site with the case's, object by
// object), the details the event records, and the clocks.

export interface TransferRoute {
  /** the details as the event records them (a move names the receiving site and the sender) */
  details: EventDetails | null
  /** the site the case lives at after the step, when it moves */
  siteId: string | null
  /** the clocks after the step, from those the rule table started or stopped */
  clocks(started: CaseClock[], existing: readonly CaseClock[], at: Date): CaseClock[]
  /** who hears besides the step's usual audience: the site a case moves to has a new case to decide */
  alsoTell: readonly Role[]
}

const unchanged = (details: EventDetails | null): TransferRoute => ({ details, siteId: null, clocks: (started) => started, alsoTell: [] })

/**
 * Work out a transfer-related step before it is written: the receiving site must exist and be
 * another; a 退回 of a move goes back to the site that sent it. Every other step passes unchanged.
 */
export async function routeTransfer(
  ctx: ServiceContext,
  found: Case,
  action: CaseAction,
  details: EventDetails | null,
  events: readonly CaseEvent[],
  merchant: Merchant | null,
): Promise<Result<TransferRoute>> {
  const { store, calendar } = ctx.deps
  if (action === 'transfer' && details?.kind === 'transfer') {
    if (details.destination !== 'site') {
      const written = { ...details, toSiteId: '', fromSiteId: found.siteId }
      return ok({ details: written, siteId: null, clocks: (started) => keepDestinationClock(started, written), alsoTell: [] })
    }
    if (details.toSiteId === found.siteId) return fail('VALIDATION_FAILED', { 'details.toSiteId': '不能转给本站，请选择其他站点' })
    const target = await store.getSite(details.toSiteId)
    if (!target) return fail('VALIDATION_FAILED', { 'details.toSiteId': '未找到该站点' })
    // the clocks that start on arrival run on the receiving site's settings (and the shop's commitments)
    const receiving = { table: calendar, settings: merchantClockSettings(target.clockSettings, merchant) }
    const written = { ...details, toName: target.name, fromSiteId: found.siteId }
    return ok({
      details: written,
      siteId: target.id,
      clocks: (started, _existing, at) => clocksOnArrival(found.id, keepDestinationClock(started, written), at, receiving),
      alsoTell: ['station'], // the receiving site (the notice goes to where the case now lives)
    })
  }
  if (action === 'sendBack') {
    const out = pendingTransfer(events)
    // an outside destination sent it back: the case never left; its hand-over clock stops on `returned`
    if (out?.destination !== 'site') return ok(unchanged(details))
    const home = out.fromSiteId || found.siteId
    if (!(await store.getSite(home))) return fail('SITE_NOT_FOUND')
    return ok({ details, siteId: home, clocks: (started, existing, at) => clocksOnSendBack(existing, started, at), alsoTell: [] })
  }
  // the receipt names what it confirms: the timeline then says 已收到移送回执 or 已移送 by destination
  if (action === 'confirmTransfer') return ok(unchanged(pendingTransfer(events)))
  return ok(unchanged(details))
}
