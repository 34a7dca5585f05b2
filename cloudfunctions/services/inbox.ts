import type { Caller, Role } from '../../src/domain/identity'
import type { InboxView } from '../../src/domain/inbox.schema'
import { SUBSCRIBE_SLOTS, type SubscribeSlot } from '../../src/domain/notify/subscribe-messages'
import { fail, ok, type Result } from '../../src/domain/errors'
import type { OutboxItem } from '../ports/notification-store'
import type { ServiceContext } from './context'

type Recipient = OutboxItem['recipient']
const PAGE = { limit: 50, offset: 0 }

/**
 * Whose inbox the caller reads when acting as `role`: their own subject, their shops, their site.
 * Outbox rows address a site's staff by the site id and a shop by the merchant id (see
 * case-notifications.ts recipientId), so these are exactly the addresses they may read.
 */
export function inboxesOf(caller: Caller, role: Role): Recipient[] {
  switch (role) {
    case 'consumer':
      return caller.subject ? [{ role, id: caller.subject }] : []
    case 'merchant':
      return caller.memberships.map((m) => ({ role, id: m.merchantId }))
    case 'station':
    case 'regulator':
      // a city-wide regulator (no site) reads the sites' boards; its own inbox is per site for now
      return caller.staff?.role === role && caller.staff.siteId ? [{ role, id: caller.staff.siteId }] : []
    default:
      return []
  }
}

export async function listInbox(ctx: ServiceContext, role: Role): Promise<Result<InboxView>> {
  const boxes = inboxesOf(ctx.caller, role)
  if (boxes.length === 0) return fail('FORBIDDEN')
  const [lists, counts] = await Promise.all([
    Promise.all(boxes.map((b) => ctx.deps.store.listInbox(b, PAGE))),
    Promise.all(boxes.map((b) => ctx.deps.store.countUnreadInbox(b))),
  ])
  const items = lists
    .flat()
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .slice(0, PAGE.limit)
    .map(({ recipient: _r, ...item }) => item)
  return ok({ unread: counts.reduce((a, b) => a + b, 0), items })
}

export async function markInboxRead(ctx: ServiceContext, role: Role, ids: string[]): Promise<Result<{ marked: number }>> {
  const boxes = inboxesOf(ctx.caller, role)
  if (boxes.length === 0) return fail('FORBIDDEN')
  const at = ctx.deps.clock.now().toISOString()
  // each box only marks its own entries: an id from someone else's inbox changes nothing
  const marked = await Promise.all(boxes.map((b) => ctx.deps.store.markInboxRead(b, ids, at)))
  return ok({ marked: marked.reduce((a, b) => a + b, 0) })
}

/** The person tapped "allow" on WeChat's subscribe prompt: each accepted template permits one send. */
export async function recordSubscriptions(ctx: ServiceContext, accepted: SubscribeSlot[]): Promise<Result<{ recorded: number }>> {
  if (!ctx.caller.subject) return fail('UNAUTHENTICATED')
  const slots = accepted.filter((s) => SUBSCRIBE_SLOTS.includes(s))
  await ctx.deps.store.addSubscriptionAccepts(ctx.caller.subject, slots)
  return ok({ recorded: slots.length })
}
