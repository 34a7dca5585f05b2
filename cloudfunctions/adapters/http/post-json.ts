import { z } from 'zod'
import type { DeliveryResult } from '../../ports/delivery'

// One JSON POST, for the WeChat and WeCom adapters. Transport trouble (timeout, refused connection,
// 5xx, 429) is answered as a retryable failure here; what a 2xx body means is the caller's business.
// URLs carry secrets on these APIs (?access_token=, ?key=), so nothing here ever puts the URL in a
// message, and callers pass their secrets to `redact` for the messages that do come back.

export type PostJsonReply = { ok: true; status: number; json: unknown } | Extract<DeliveryResult, { ok: false }>

export interface PostJsonOptions {
  timeoutMs: number
  /** strings that must never appear in a failure detail (keys, tokens) */
  secrets?: readonly string[]
}

export const DEFAULT_TIMEOUT_MS = 10_000

export function redact(text: string, secrets: readonly string[] = []): string {
  return secrets.reduce((out, secret) => (secret ? out.split(secret).join('***') : out), text)
}

// Read by shape, not instanceof: fetch's errors (a DOMException for a timeout) may come from another
// realm — under jest's vm sandbox `instanceof Error` is false for them.
const ThrownError = z.object({
  name: z.string().optional(),
  message: z.string().optional(),
  cause: z.object({ message: z.string().optional() }).optional().catch(undefined),
})

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

export async function postJson(url: string, body: unknown, options: PostJsonOptions): Promise<PostJsonReply> {
  const fail = (code: string, detail: string, retryable: boolean) =>
    ({ ok: false, retryable, code, detail: redact(detail, options.secrets) }) as const
  let status: number
  let text: string
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(options.timeoutMs),
    })
    status = res.status
    text = await res.text()
  } catch (err) {
    const thrown = ThrownError.safeParse(err)
    const name = thrown.data?.name
    const cause = thrown.data?.cause?.message ? `: ${thrown.data.cause.message}` : ''
    const message = thrown.success ? `${thrown.data.message ?? name}${cause}` : String(err)
    return fail(name === 'TimeoutError' || name === 'AbortError' ? 'TIMEOUT' : 'NETWORK_ERROR', message, true)
  }
  if (status < 200 || status >= 300) {
    return fail(`HTTP_${status}`, `HTTP ${status} ${text.slice(0, 200)}`, status >= 500 || status === 429)
  }
  const json = parseJson(text)
  if (json === undefined) return fail('MALFORMED_RESPONSE', `not JSON: ${text.slice(0, 200)}`, false)
  return { ok: true, status, json }
}
