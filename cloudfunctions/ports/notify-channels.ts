import type { ContactRule } from '../../src/domain/notify/contact.schema'
import type { GroupRobot } from './group-robot'
import type { SmsSender } from './sms'
import type { MiniprogramState, TemplateIds, WechatOpenApi } from './wechat-open-api'

/**
 * The channels a deployment switched on, as ports; an adapter composition builds it from the
 * configuration (adapters/notify-channels-from-config.ts), the dispatcher sends through it. The in-app inbox is always there; everything else
 * is optional, and a message whose channel is off simply lives in the inbox (and, locally, a log line).
 * Which group or number hears what is data (notification contacts, read through the store); the
 * env's own contacts are only the fallback.
 */
export interface NotifyChannels {
  wechat?: { api: WechatOpenApi; templateIds: TemplateIds; miniprogramState?: MiniprogramState }
  /** work-group robots: each contact names its group by the robot's key */
  groupRobot?: GroupRobot
  /** SMS: to people a proxy helper filed for (who often have no WeChat), and to contacts' phones */
  sms?: { sender: SmsSender; templateId: string }
  /** the deployment's contacts from env (WECOM_WEBHOOK_KEY), for what no stored contact covers */
  defaultContacts?: ContactRule[]
  /** one line per message (the local default's "inbox plus a log line"); never personal data */
  log?: (line: string) => void
}
