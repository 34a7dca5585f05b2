import type { TemplateIds } from '../../adapters/wechat/subscribe-template-ids'
import type { WecomWebhook } from '../../adapters/wecom/wecom-webhook'
import type { SmsSender } from '../../ports/sms'
import type { MiniprogramState, WechatOpenApi } from '../../ports/wechat-open-api'

/**
 * The channels a deployment switched on. The in-app inbox is always there; everything else is
 * optional, and a message whose channel is off simply lives in the inbox (and, locally, a log line).
 */
export interface NotifyChannels {
  wechat?: { api: WechatOpenApi; templateIds: TemplateIds; miniprogramState?: MiniprogramState }
  /** the station's / regulator's work group: escalations and red cards */
  wecom?: WecomWebhook
  /** people filed for by a proxy helper often have no WeChat: their updates go by SMS */
  sms?: { sender: SmsSender; templateId: string }
  /** one line per message (the local default's "inbox plus a log line"); never personal data */
  log?: (line: string) => void
}
