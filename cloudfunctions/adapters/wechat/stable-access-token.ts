import { z } from 'zod'
import type { DeliveryResult } from '../../ports/delivery'
import type { Clock } from '../../ports/system'
import { systemClock } from '../system/system-clock'
import { postJson } from '../http/post-json'
import { wechatFailure } from './wechat-errcodes'

// The access token for the self-hosted open API, from POST /cgi-bin/stable_token (getStableAccessToken).
// Chosen over GET /cgi-bin/token because in normal mode it hands every caller the same token while it is
// valid: two processes of ours (or another back end of the same AppID) do not invalidate each other's
// token, so no central token service is needed. We never use force_refresh (20 a day, and it would
// revoke the token everyone else holds). Cached until expiry minus a margin; one fetch in flight at a time.

export type TokenResult = { ok: true; token: string } | Extract<DeliveryResult, { ok: false }>

export interface AccessTokenSource {
  get(): Promise<TokenResult>
  /** WeChat refused this token (40001/42001): forget it, unless a newer one already replaced it */
  invalidate(token: string): void
}

export interface StableTokenConfig {
  appId: string
  appSecret: string
  baseUrl: string
  timeoutMs: number
  clock?: Clock
  /** stop using a token this long before WeChat says it expires */
  marginSeconds?: number
}

const TokenReply = z.object({ access_token: z.string().min(1), expires_in: z.number().positive() })
const ErrorReply = z.object({ errcode: z.number(), errmsg: z.string().optional() })

const DEFAULT_MARGIN_SECONDS = 300

export function stableAccessToken(config: StableTokenConfig): AccessTokenSource {
  const clock = config.clock ?? systemClock
  const margin = config.marginSeconds ?? DEFAULT_MARGIN_SECONDS
  let cached: { token: string; expiresAtMs: number } | null = null
  let inFlight: Promise<TokenResult> | null = null

  async function fetchToken(): Promise<TokenResult> {
    const body = { grant_type: 'client_credential', appid: config.appId, secret: config.appSecret }
    const reply = await postJson(`${config.baseUrl}/cgi-bin/stable_token`, body, {
      timeoutMs: config.timeoutMs,
      secrets: [config.appSecret],
    })
    if (!reply.ok) return { ...reply, code: `TOKEN_${reply.code}` }
    const token = TokenReply.safeParse(reply.json)
    if (token.success) {
      // WeChat promises expires_in ≥ 300 s in normal mode; never cache for less than half of it
      const lifetime = Math.max(token.data.expires_in - margin, token.data.expires_in / 2)
      cached = { token: token.data.access_token, expiresAtMs: clock.now().getTime() + lifetime * 1000 }
      return { ok: true, token: token.data.access_token }
    }
    const error = ErrorReply.safeParse(reply.json)
    if (!error.success) return { ok: false, retryable: false, code: 'TOKEN_MALFORMED_RESPONSE', detail: 'stable_token: unexpected reply' }
    // -1 busy → retry later; a wrong secret or an IP outside the whitelist (40125, 40164) needs a person
    const failure = wechatFailure(error.data.errcode, error.data.errmsg)
    return { ...failure, code: `TOKEN_${failure.code}`, detail: `stable_token ${failure.detail}` }
  }

  return {
    get() {
      if (cached && clock.now().getTime() < cached.expiresAtMs) return Promise.resolve({ ok: true, token: cached.token })
      inFlight ??= fetchToken().finally(() => {
        inFlight = null
      })
      return inFlight
    },
    invalidate(token) {
      if (cached?.token === token) cached = null
    },
  }
}
