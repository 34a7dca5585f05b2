import type { DeliveryResult } from './delivery'

export type { DeliveryResult } from './delivery'

/** One templated text message. Providers only send pre-approved templates, so the core never writes free text. */
export interface SmsMessage {
  /** a mainland mobile number as the core stores it (11 digits; +86 / spaces are tolerated) */
  phone: string
  templateId: string
  /** values for the template's {1}, {2}… in order */
  params: string[]
}

export interface SmsSender {
  send(msg: SmsMessage): Promise<DeliveryResult>
}
