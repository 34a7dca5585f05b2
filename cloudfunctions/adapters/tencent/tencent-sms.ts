import { z } from 'zod'
import { maskPhone, normalizePhone } from '../../../src/domain/phone'
import type { DeliveryResult } from '../../ports/delivery'
import type { SmsMessage, SmsSender } from '../../ports/sms'
import { isRetryableTencentCode, type TencentApiClient } from './tencent-api-client'

// SmsSender over Tencent Cloud SMS `SendSms` (API 2021-01-11), one number per call so that each
// outbox row gets its own answer. Tencent echoes the number back in per-number messages, and logs and
// outbox rows are read by people who must not see it: every string this file produces is masked.

export type TencentSmsOptions = {
  client: TencentApiClient
  /** SmsSdkAppId of the SMS application, e.g. "1400006666" */
  sdkAppId: string
  /** the approved signature (签名) text, without 【】 */
  signName: string
  log?: (line: string) => void
}

const SendStatus = z.object({
  Code: z.string(),
  Message: z.string().catch(''),
  SerialNo: z.string().optional(),
})
const SendSmsResponse = z.object({ SendStatusSet: z.array(SendStatus).min(1) })

// Per-number limits that clear on their own within the hour; the daily ones do not, so they stay permanent.
const WINDOWED_LIMITS = new Set(['LimitExceeded.PhoneNumberThirtySecondLimit', 'LimitExceeded.PhoneNumberOneHourLimit'])

/**
 * Any mainland mobile number inside a text, with or without +86 / 86, as 138****5678. No digit
 * boundaries on purpose: masking a look-alike serial number costs nothing, missing a phone does.
 */
const MOBILE_IN_TEXT = /(?:\+?86)?(1[3-9]\d{9})/g
export const maskPhonesIn = (text: string) => text.replace(MOBILE_IN_TEXT, (_all, mobile: string) => maskPhone(mobile))

export function tencentSmsSender(options: TencentSmsOptions): SmsSender {
  const log = options.log ?? (() => {})

  const failed = (code: string, detail: string, retryable: boolean): DeliveryResult => {
    const masked = maskPhonesIn(detail)
    log(`sms failed ${code}${retryable ? ' (will retry)' : ''}: ${masked}`)
    return { ok: false, retryable, code, detail: masked }
  }

  return {
    async send(msg: SmsMessage): Promise<DeliveryResult> {
      const mobile = normalizePhone(msg.phone)
      // The raw input may be half a number or have extra digits, so even this message masks what it can.
      if (!mobile) return failed('INVALID_PHONE', `not a mainland mobile number: ${maskPhone(msg.phone.trim())}`, false)
      const shown = maskPhone(mobile)

      const outcome = await options.client.call({
        service: 'sms',
        action: 'SendSms',
        version: '2021-01-11',
        payload: {
          PhoneNumberSet: [`+86${mobile}`],
          SmsSdkAppId: options.sdkAppId,
          SignName: options.signName,
          TemplateId: msg.templateId,
          TemplateParamSet: msg.params,
        },
        response: SendSmsResponse,
      })
      if (!outcome.ok) {
        const { code, message, retryable } = outcome.failure
        return failed(code, `to ${shown}: ${message}`, retryable)
      }

      const status = outcome.data.SendStatusSet[0]
      if (status.Code !== 'Ok') {
        const retryable = WINDOWED_LIMITS.has(status.Code) || isRetryableTencentCode(status.Code)
        return failed(status.Code, `to ${shown}: ${status.Message}`, retryable)
      }
      log(`sms sent to ${shown} template ${msg.templateId}`)
      const providerId = status.SerialNo ?? outcome.requestId
      return providerId ? { ok: true, providerId } : { ok: true }
    },
  }
}
