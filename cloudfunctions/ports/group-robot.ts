import type { DeliveryResult } from './delivery'

export type { DeliveryResult } from './delivery'

// A chat-group robot (WeCom 群机器人 today): posting to it needs only the robot's key, so one
// client serves every group. Each notification contact names its own group, which makes the key a
// per-call target, not configuration. The key is the whole credential: an adapter never puts it
// into a result, a log line or an error.
export interface GroupRobot {
  /** Post markdown to the group whose robot has this key; too long a text is cut to the provider's limit. */
  sendMarkdown(key: string, content: string): Promise<DeliveryResult>
}
