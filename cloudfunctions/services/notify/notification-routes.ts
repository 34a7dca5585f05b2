import type { Case } from '../../../src/domain/case.schema'
import { subscribeDataFor, subscribePageFor } from '../../../src/domain/notify/subscribe-messages'
import type { RenderedMessage } from '../../../src/domain/notify/templates'
import { wecomMarkdownFor } from '../../adapters/wecom/wecom-webhook'
import type { DeliveryResult } from '../../ports/delivery'
import type { DeliveryKey, OutboxItem } from '../../ports/notification-store'
import type { Deps } from '../context'
import type { NotifyChannels } from './notify-channels'
import type { SubscribeVars } from '../../../src/domain/notify/subscribe-messages'

/** One way a message goes out, besides the inbox: its dedupe key and how to send it. */
export interface Route {
  key: DeliveryKey
  send(): Promise<DeliveryResult>
}

const skipped = (code: string, detail: string): DeliveryResult => ({ ok: false, retryable: false, code, detail })

/** Station escalations and red cards go to the work group; routine steps stay on the board. */
const forWorkGroup = (row: OutboxItem) =>
  (row.recipient.role === 'station' || row.recipient.role === 'regulator') &&
  (row.template.endsWith('.overdue') || row.template.endsWith('.escalated'))

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
      ? c.channel === 'proxy'
        ? []
        : [c.filedBy]
      : row.recipient.role === 'merchant'
        ? await deps.store.listActiveMemberSubjects(c.merchantId)
        : []
  return subjects.map((openid) => ({
    key: { eventId: row.eventId, recipient: row.recipient, channel: 'wechat', address: openid },
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
  const wecom = channels.wecom
  if (wecom && forWorkGroup(row)) {
    routes.push({
      key: { eventId: row.eventId, recipient: row.recipient, channel: 'wecom', address: '' },
      send: () => wecom.sendMarkdown(wecomMarkdownFor(message)),
    })
  }
  const sms = channels.sms
  const phone = c.complainant?.phone
  if (sms && phone && row.recipient.role === 'consumer' && c.channel === 'proxy') {
    // the address is kept as a digest: the deliveries table must not become a list of phone numbers
    const address = deps.secrets.hashToken(`sms:${phone}`).slice(0, 32)
    routes.push({
      key: { eventId: row.eventId, recipient: row.recipient, channel: 'sms', address },
      send: () => sms.sender.send({ phone, templateId: sms.templateId, params: [c.caseNo, message.title] }),
    })
  }
  return routes
}
