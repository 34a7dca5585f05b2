import { validateSubscribeData } from '../../../src/domain/notify/wechat-fields'
import type { DeliveryResult } from '../../ports/delivery'
import type { SubscribeMessage } from '../../ports/wechat-open-api'

// What WeChat's errcodes mean for the outbox, shared by the HTTPS and the cloud-call adapters.
// Sources: the subscribeMessage.send and access-token documentation, and the global errcode list.

/** The access token was refused: fetch a fresh one and try once more. */
export const TOKEN_REJECTED_CODES: ReadonlySet<number> = new Set([40001, 40014, 42001])

type Failure = Extract<DeliveryResult, { ok: false }>

const KNOWN: Record<number, { code: string; retryable: boolean }> = {
  [-1]: { code: 'WECHAT_BUSY', retryable: true }, // 系统繁忙
  40001: { code: 'ACCESS_TOKEN_REJECTED', retryable: true },
  40014: { code: 'ACCESS_TOKEN_REJECTED', retryable: true },
  42001: { code: 'ACCESS_TOKEN_REJECTED', retryable: true },
  45009: { code: 'RATE_LIMITED', retryable: true }, // daily / minute quota: later may work
  43108: { code: 'CONCURRENT_SEND', retryable: true },
  43101: { code: 'NO_SUBSCRIPTION', retryable: false }, // refused, or the one-time allowance is used up
  40003: { code: 'INVALID_OPENID', retryable: false },
  40037: { code: 'INVALID_TEMPLATE_ID', retryable: false },
  41030: { code: 'INVALID_PAGE', retryable: false },
  43107: { code: 'TEMPLATE_BANNED', retryable: false },
  47003: { code: 'INVALID_DATA', retryable: false },
  [-604101]: { code: 'OPENAPI_NOT_PERMITTED', retryable: false }, // cloud: config.json lacks subscribeMessage.send
}

export function wechatFailure(errcode: number, errmsg: string | undefined): Failure {
  const known = KNOWN[errcode] ?? { code: `WECHAT_${errcode}`, retryable: false }
  // errmsg names the offending field ("data.thing1.value is empty") and never the openid
  return { ok: false, ...known, detail: `errcode ${errcode}: ${(errmsg ?? '').slice(0, 200)}` }
}

/**
 * Refuses, before any network call, a message WeChat would refuse anyway (47003): a value over its
 * keyword's limit means a bug upstream, and a retry would fail the same way.
 */
export function precheck(message: SubscribeMessage): Failure | null {
  if (!message.touser || !message.templateId) {
    return { ok: false, retryable: false, code: 'INVALID_MESSAGE', detail: 'touser and templateId are required' }
  }
  const violations = validateSubscribeData(message.data)
  if (violations.length === 0) return null
  const detail = violations.map((v) => `${v.key}: ${v.reason}`).join('; ')
  return { ok: false, retryable: false, code: 'INVALID_DATA', detail: detail.slice(0, 300) }
}
