import { z } from 'zod'
import type { SubscribeData, SubscribeMessage, WechatOpenApi } from '../../ports/wechat-open-api'
import { precheck, wechatFailure } from './wechat-errcodes'

// The WeChat open API through CloudBase's cloud call: wx-server-sdk's `cloud.openapi`, injected by the
// cloud entry point (this module does not depend on wx-server-sdk, so the local host never loads it).
// No access token: the platform signs the call for the function, which needs
// config.json { "permissions": { "openapi": ["subscribeMessage.send"] } }.
// The SDK resolves { errCode: 0, errMsg } and rejects with an error carrying errCode / errMsg.

export interface CloudSubscribeSendParams {
  touser: string
  templateId: string
  page?: string
  data: SubscribeData
  miniprogramState?: string
  lang?: string
}

/** The slice of wx-server-sdk's `cloud.openapi` this adapter uses, typed by shape. */
export interface CloudOpenApiLike {
  subscribeMessage: { send(params: CloudSubscribeSendParams): Promise<unknown> }
}

const CloudErr = z.object({ errCode: z.number(), errMsg: z.string().optional() })

export function cloudWechatOpenApi(openapi: CloudOpenApiLike): WechatOpenApi {
  return {
    async sendSubscribeMessage(message: SubscribeMessage) {
      const invalid = precheck(message)
      if (invalid) return invalid
      let reply: unknown
      try {
        reply = await openapi.subscribeMessage.send({
          touser: message.touser,
          templateId: message.templateId,
          page: message.page,
          data: message.data,
          miniprogramState: message.miniprogramState,
          lang: 'zh_CN',
        })
      } catch (err) {
        const coded = CloudErr.safeParse(err)
        if (coded.success) return wechatFailure(coded.data.errCode, coded.data.errMsg)
        // no code: the call itself failed (network inside the platform, a timeout) — worth another try
        const detail = err instanceof Error ? err.message : String(err)
        return { ok: false, retryable: true, code: 'CLOUD_CALL_FAILED', detail: detail.slice(0, 200) }
      }
      const coded = CloudErr.safeParse(reply)
      if (coded.success && coded.data.errCode !== 0) return wechatFailure(coded.data.errCode, coded.data.errMsg)
      return { ok: true }
    },
  }
}
