import { z } from 'zod'
import type { DeliveryResult } from '../../ports/delivery'
import type { Clock } from '../../ports/system'
import type { SubscribeMessage, WechatOpenApi } from '../../ports/wechat-open-api'
import { DEFAULT_TIMEOUT_MS, postJson } from '../http/post-json'
import { stableAccessToken, type AccessTokenSource } from './stable-access-token'
import { TOKEN_REJECTED_CODES, precheck, wechatFailure } from './wechat-errcodes'

// The WeChat open API over HTTPS, for the self-hosted mode (mode 2): our own AppID and AppSecret,
// our own access token. POST /cgi-bin/message/subscribe/send?access_token=… with the documented body
// (touser, template_id, page, data, miniprogram_state, lang).

export interface HttpOpenApiConfig {
  appId: string
  appSecret: string
  /** https://api.weixin.qq.com; a loopback server in tests */
  baseUrl?: string
  timeoutMs?: number
  clock?: Clock
  /** injected in tests; by default a stable_token source built from appId/appSecret */
  tokens?: AccessTokenSource
}

export const WECHAT_API_BASE = 'https://api.weixin.qq.com'

const SendReply = z.object({
  errcode: z.number().optional(),
  errmsg: z.string().optional(),
  msgid: z.union([z.number(), z.string()]).optional(),
})

export function httpWechatOpenApi(config: HttpOpenApiConfig): WechatOpenApi {
  const baseUrl = (config.baseUrl ?? WECHAT_API_BASE).replace(/\/+$/, '')
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const tokens =
    config.tokens ?? stableAccessToken({ appId: config.appId, appSecret: config.appSecret, baseUrl, timeoutMs, clock: config.clock })

  async function sendWith(token: string, message: SubscribeMessage): Promise<{ result: DeliveryResult; tokenRejected: boolean }> {
    const body = {
      touser: message.touser,
      template_id: message.templateId,
      page: message.page,
      data: message.data,
      miniprogram_state: message.miniprogramState,
      lang: 'zh_CN',
    }
    const url = `${baseUrl}/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`
    const reply = await postJson(url, body, { timeoutMs, secrets: [token] })
    if (!reply.ok) return { result: reply, tokenRejected: false }
    const parsed = SendReply.safeParse(reply.json)
    if (!parsed.success) {
      return {
        result: { ok: false, retryable: false, code: 'MALFORMED_RESPONSE', detail: 'subscribe/send: unexpected reply' },
        tokenRejected: false,
      }
    }
    const { errcode = 0, errmsg, msgid } = parsed.data
    if (errcode === 0) return { result: msgid === undefined ? { ok: true } : { ok: true, providerId: String(msgid) }, tokenRejected: false }
    return { result: wechatFailure(errcode, errmsg), tokenRejected: TOKEN_REJECTED_CODES.has(errcode) }
  }

  return {
    async sendSubscribeMessage(message) {
      const invalid = precheck(message)
      if (invalid) return invalid
      const first = await tokens.get()
      if (!first.ok) return first
      const attempt = await sendWith(first.token, message)
      if (!attempt.tokenRejected) return attempt.result
      // the token died early (revoked, or another party force-refreshed): one fresh token, one retry
      tokens.invalidate(first.token)
      const second = await tokens.get()
      if (!second.ok) return second
      return (await sendWith(second.token, message)).result
    },
  }
}
