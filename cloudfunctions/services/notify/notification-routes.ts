import { filedByStaff } from '../../../src/domain/intake-channel'
import type { Case } from '../../../src/domain/case.schema'
import type { ContactRule } from '../../../src/domain/notify/contact.schema'
import { contactsFor } from '../../../src/domain/notify/contact-routing'
import { eventClassOf } from '../../../src/domain/notify/event-class'
import { robotMarkdownFor } from '../../../src/domain/notify/robot-markdown'
import { subscribeDataFor, subscribePageFor, type SubscribeVars } from '../../../src/domain/notify/subscribe-messages'
import type { RenderedMessage } from '../../../src/domain/notify/templates'
import type { DeliveryResult } from '../../ports/delivery'
import type { DeliveryKey, OutboxItem } from '../../ports/notification-store'
import type { Deps } from '../context'
import type { NotifyChannels } from '../../ports/notify-channels'
import { deliveryEventId } from './delivery-event'

/** One way a message goes out, besides the inbox: its dedupe key and how to send it. */
export interface Route {
  key: DeliveryKey
  send(): Promise<DeliveryResult>
}

const skipped = (code: string, detail: string): DeliveryResult => ({ ok: false, retryable: false, code, detail })

/** Deliveries remember a target by digest: the deliveries table must not become a list of keys or phone numbers. */
const addressOf = (deps: Deps, channel: string, target: string) => deps.secrets.hashToken(`${channel}:${target}`).slice(0, 32)

/** WeChat subscribe messages: to the shopper who filed, or to each active clerk of the shop. */
async function wechatRoutes(
  deps: Deps,
  ch: NonNullable<NotifyChannels['wechat']>,
  row: OutboxItem,
  c: Case,
  vars: SubscribeVars,
): Promise<Route[]> {
  const payload = subscribeDataFor(row.template, vars, row.recipient.role)
  const templateId = payload ? ch.templateIds[payload.templateSlot] : undefined
  if (!payload || !templateId) return []
  const subjects =
    row.recipient.role === 'consumer'
      ? filedByStaff(c.channel) // typed at a desk: the person has no device on the case (SMS below)
        ? []
        : [c.filedBy]
      : row.recipient.role === 'merchant'
        ? await deps.store.listActiveMemberSubjects(c.merchantId)
        : []
  return subjects.map((openid) => ({
    key: { eventId: deliveryEventId(row), recipient: row.recipient, channel: 'wechat', address: openid },
    async send() {
      const slot = payload.templateSlot
      // each "allow" the person tapped permits exactly one send; with none left, the inbox has it
      if ((await deps.store.remainingSubscriptionSends(openid, slot)) < 1)
        return skipped('NO_SUBSCRIPTION', 'no accepted subscription left')
      const r = await ch.api.sendSubscribeMessage({
        touser: openid,
        templateId,
        page: subscribePageFor(slot, c.id),
        data: payload.data,
        miniprogramState: ch.miniprogramState,
      })
      if (r.ok) await deps.store.useSubscriptionSend(openid, slot)
      else if (r.code === 'NO_SUBSCRIPTION') await deps.store.clearSubscriptionSends(openid, slot)
      return r
    },
  }))
}

/**
 * The work groups and phones this message's notification contacts name (contact-routing.ts): the
 * case's site's own, else its area's, else the deployment's stored ones, else the env's. A contact
 * whose channel the deployment has not switched on sends nothing; the inbox still has the message.
 */
async function contactRoutes(deps: Deps, channels: NotifyChannels, row: OutboxItem, c: Case, message: RenderedMessage): Promise<Route[]> {
  const eventClass = eventClassOf(row.template)
  const role = row.recipient.role
  // proxy helpers are not notified (the person they helped is); an administrator has no cases
  if (!eventClass || role === 'proxy' || role === 'admin') return []
  const areaId = (await deps.store.getSite(c.siteId))?.areaId ?? null
  const stored = await deps.store.listContactsFor(c.siteId, areaId)
  const chosen: ContactRule[] = contactsFor(stored, channels.defaultContacts ?? [], {
    where: { siteId: c.siteId, areaId },
    role,
    eventClass,
  })
  const { groupRobot, sms } = channels
  return chosen.flatMap((contact): Route[] => {
    const key: DeliveryKey = {
      eventId: deliveryEventId(row),
      recipient: row.recipient,
      channel: contact.channel,
      address: addressOf(deps, contact.channel, contact.target),
    }
    if (contact.channel === 'wecom')
      return groupRobot ? [{ key, send: () => groupRobot.sendMarkdown(contact.target, robotMarkdownFor(message)) }] : []
    return sms
      ? [{ key, send: () => sms.sender.send({ phone: contact.target, templateId: sms.templateId, params: [c.caseNo, message.title] }) }]
      : []
  })
}

export async function routesFor(
  deps: Deps,
  channels: NotifyChannels,
  row: OutboxItem,
  c: Case,
  message: RenderedMessage,
  vars: SubscribeVars,
): Promise<Route[]> {
  const routes: Route[] = []
  if (channels.wechat) routes.push(...(await wechatRoutes(deps, channels.wechat, row, c, vars)))
  routes.push(...(await contactRoutes(deps, channels, row, c, message)))
  const sms = channels.sms
  const phone = c.complainant?.phone
  if (sms && phone && row.recipient.role === 'consumer' && filedByStaff(c.channel)) {
    routes.push({
      key: { eventId: deliveryEventId(row), recipient: row.recipient, channel: 'sms', address: addressOf(deps, 'sms', phone) },
      send: () => sms.sender.send({ phone, templateId: sms.templateId, params: [c.caseNo, message.title] }),
    })
  }
  return routes
}
