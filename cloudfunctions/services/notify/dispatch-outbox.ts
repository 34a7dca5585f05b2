import { wordedForKind } from '../../../src/domain/notify/case-kind-wording'
import { renderMessage } from '../../../src/domain/notify/templates'
import type { DeliveryKey, OutboxItem } from '../../ports/notification-store'
import type { Deps } from '../context'
import { messageVars } from './message-vars'
import type { NotifyChannels } from '../../ports/notify-channels'
import { routesFor } from './notification-routes'
import { deliveryEventId } from './delivery-event'

export interface DispatchOptions {
  batch?: number
  /** how long a claimed row is held before another dispatcher may take it (a crashed one's rows come back) */
  leaseMs?: number
  /** failures before a row is parked for the station to look at */
  maxAttempts?: number
}

export interface DispatchReport {
  claimed: number
  delivered: number
  retried: number
  parked: number
}

const MINUTE = 60_000
/** 30 s, 1 min, 2 min, … capped at an hour: a dead receiver is not hammered, a blip costs seconds. */
export const backoffMs = (attempt: number) => Math.min(30_000 * 2 ** (attempt - 1), 60 * MINUTE)

/**
 * One cycle of the dispatcher: every due row is rendered and sent to the inbox and to each channel
 * it routes to. What was delivered is remembered per (event, recipient, channel, address) before
 * the row moves on, so a dispatcher that dies mid-batch is replaced by one that skips all of that
 * and sends only the rest. The one window left is between a provider accepting a message and our
 * record of it; there a restart resends, because a lost 45-minute alert costs more than a second one.
 */
export async function dispatchOutbox(
  deps: Deps,
  channels: NotifyChannels,
  now: Date,
  options: DispatchOptions = {},
): Promise<DispatchReport> {
  const { batch = 50, leaseMs = 2 * MINUTE, maxAttempts = 6 } = options
  const report: DispatchReport = { claimed: 0, delivered: 0, retried: 0, parked: 0 }
  const at = now.toISOString()
  for (;;) {
    const leaseUntil = new Date(now.getTime() + leaseMs).toISOString()
    const rows = await deps.store.claimDueOutbox(at, leaseUntil, batch)
    if (rows.length === 0) return report
    report.claimed += rows.length
    for (const row of rows) {
      const lease = leaseKeeper(deps, row.id, leaseUntil, leaseMs)
      const failure = await deliver(deps, channels, row, at, lease)
      if (failure === 'lease lost') continue // another dispatcher has the row now; it finishes it
      if (failure === null) {
        await deps.store.finishOutbox(row.id, at)
        report.delivered++
      } else if (row.attempts + 1 >= maxAttempts || failure.permanent) {
        await deps.store.parkOutbox(row.id, row.attempts + 1, failure.error)
        report.parked++
      } else {
        await deps.store.retryOutboxLater(
          row.id,
          row.attempts + 1,
          new Date(now.getTime() + backoffMs(row.attempts + 1)).toISOString(),
          failure.error,
        )
        report.retried++
      }
    }
  }
}

/**
 * Renews a row's lease before each external send. A batch of slow providers can outlast the lease;
 * then another dispatcher claims the row, and without this both would go on sending its messages.
 * With it, the most two dispatchers can both send is the one message in flight when the lease ran out.
 * The lease's end instant is the holder's token: two dispatchers claiming in the same millisecond
 * with the same lease length could not be told apart; but a row is only claimed again once its lease has
 * ended, so the later claim always holds a later instant.
 */
function leaseKeeper(deps: Deps, rowId: string, claimedUntil: string, leaseMs: number) {
  let held = claimedUntil
  return async (): Promise<boolean> => {
    // never shorter than what we hold (a cycle's `now` may run ahead of the clock in tests and catch-ups)
    const until = new Date(Math.max(Date.parse(held), deps.clock.now().getTime() + leaseMs)).toISOString()
    const kept = await deps.store.renewOutboxLease(rowId, held, until)
    if (kept) held = until
    return kept
  }
}

/**
 * null when everything this row owes is delivered (or for good refused); 'lease lost' when another
 * dispatcher took the row over; otherwise why not yet.
 */
async function deliver(
  deps: Deps,
  channels: NotifyChannels,
  row: OutboxItem,
  at: string,
  keepLease: () => Promise<boolean>,
): Promise<{ error: string; permanent: boolean } | null | 'lease lost'> {
  const c = await deps.store.getCase(row.caseId)
  if (!c) return { error: 'CASE_NOT_FOUND', permanent: true }
  const vars = await messageVars(deps, row, c)
  const rendered = renderMessage(row.template, vars)
  if (!rendered.ok) return { error: `${rendered.code}: ${rendered.detail}`, permanent: true } // a wording bug: park it where people see it
  const message = wordedForKind(rendered.message, c.kind)
  const inboxKey: DeliveryKey = { eventId: deliveryEventId(row), recipient: row.recipient, channel: 'inbox', address: '' }
  const entry = {
    id: deps.ids.newId(),
    recipient: row.recipient,
    caseId: c.id,
    template: row.template,
    ...message,
    createdAt: at,
    readAt: null,
  }
  if (await deps.store.deliverToInbox(inboxKey, entry, row.id))
    channels.log?.(`通知 ${row.template} → ${row.recipient.role} 案件 ${c.caseNo}：${message.title}`)

  let pending: string | null = null
  for (const route of await routesFor(deps, channels, row, c, message, vars)) {
    if (await deps.store.hasDelivery(route.key)) continue // sent before a restart
    if (!(await keepLease())) return 'lease lost'
    const r = await route.send()
    if (r.ok) await deps.store.recordDelivery(route.key, { outboxId: row.id, status: 'sent', detail: r.providerId ?? null, at })
    else if (!r.retryable)
      await deps.store.recordDelivery(route.key, {
        outboxId: row.id,
        status: r.code === 'NO_SUBSCRIPTION' ? 'skipped' : 'failed',
        detail: r.code,
        at,
      })
    else pending = `${route.key.channel}: ${r.code} ${r.detail}`.slice(0, 300)
  }
  return pending === null ? null : { error: pending, permanent: false }
}
