import { z } from 'zod'
import { signTc3, type Tc3Credentials } from './tc3-signer'

// One signed JSON POST to a Tencent Cloud API 3.0 service, answered as a value: the parsed `Response`,
// or a failure that says whether trying again later can help. Nothing here throws for anything the
// network or Tencent does; adapters turn failures into their own port's codes.

export type TencentApiFailure = {
  /** Tencent's error code ("AuthFailure.SignatureFailure") or ours: NETWORK_ERROR, TIMEOUT, HTTP_502, MALFORMED_RESPONSE */
  code: string
  message: string
  retryable: boolean
  requestId?: string
}

export type TencentApiOutcome<T> = { ok: true; data: T; requestId?: string } | { ok: false; failure: TencentApiFailure }

export type TencentApiCall<S extends z.ZodType> = {
  service: string
  action: string
  version: string
  payload: unknown
  /** the shape of `Response` on success; a reply that does not fit is MALFORMED_RESPONSE */
  response: S
}

export interface TencentApiClient {
  call<S extends z.ZodType>(req: TencentApiCall<S>): Promise<TencentApiOutcome<z.output<S>>>
}

export type TencentApiOptions = {
  credentials: Tc3Credentials
  region: string
  /** scheme://host[:port] standing in for every https://<service>.tencentcloudapi.com (tests, an egress proxy) */
  baseUrl?: string | null
  timeoutMs?: number
  now?: () => Date
}

const DEFAULT_TIMEOUT_MS = 10_000

// Throttling and Tencent's own faults pass; everything else (auth, parameters, balance, an unapproved
// template) fails the same way on every attempt, and retrying it only burns quota.
const RETRYABLE_CODE = /^(InternalError|RequestLimitExceeded|ServiceUnavailable)(\.|$)/
export const isRetryableTencentCode = (code: string) => RETRYABLE_CODE.test(code)

const ErrorEnvelope = z.object({
  Response: z.object({
    Error: z.object({ Code: z.string(), Message: z.string().catch('') }),
    RequestId: z.string().optional(),
  }),
})
// undici says only "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND…) is in `cause.code`
const Thrown = z.object({ name: z.string(), message: z.string(), cause: z.object({ code: z.string() }).optional().catch(undefined) })
const Envelope = z.object({ Response: z.unknown() })
const RequestIdOnly = z.object({ Response: z.object({ RequestId: z.string().optional() }) })

const failure = (code: string, message: string, retryable: boolean, requestId?: string) =>
  ({ ok: false, failure: { code, message, retryable, ...(requestId ? { requestId } : {}) } }) as const

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

export function tencentApiClient(options: TencentApiOptions): TencentApiClient {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const now = options.now ?? (() => new Date())

  return {
    async call(req) {
      const host = `${req.service}.tencentcloudapi.com`
      const url = new URL('/', options.baseUrl ?? `https://${host}`)
      const body = JSON.stringify(req.payload)
      const signed = signTc3(
        {
          service: req.service,
          host,
          action: req.action,
          version: req.version,
          region: options.region,
          payload: body,
          timestampSeconds: Math.floor(now().getTime() / 1000),
        },
        options.credentials,
      )
      // fetch derives Host from the URL and drops a Host header silently; against the real endpoint
      // that is exactly the signed host, against a stand-in the stand-in checks the service host itself.
      const { Host: _derivedFromUrl, ...headers } = signed

      let status: number
      let text: string
      try {
        const res = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs) })
        status = res.status
        text = await res.text()
      } catch (err) {
        // read by shape: the abort arrives as a DOMException, which is not `instanceof Error` in every realm
        const thrown = Thrown.safeParse(err)
        const timedOut = thrown.success && (thrown.data.name === 'TimeoutError' || thrown.data.name === 'AbortError')
        const message = thrown.success ? `${thrown.data.message}${thrown.data.cause ? ` (${thrown.data.cause.code})` : ''}` : String(err)
        return failure(timedOut ? 'TIMEOUT' : 'NETWORK_ERROR', `${req.action}: ${message}`, true)
      }

      const json = parseJson(text)
      const apiError = ErrorEnvelope.safeParse(json)
      const requestId = RequestIdOnly.safeParse(json).data?.Response.RequestId
      if (status < 200 || status >= 300) {
        const said = apiError.success ? ` (${apiError.data.Response.Error.Code})` : ''
        return failure(`HTTP_${status}`, `${req.action}: HTTP ${status}${said}`, status >= 500 || status === 429, requestId)
      }
      if (apiError.success) {
        const { Code, Message } = apiError.data.Response.Error
        return failure(Code, Message, isRetryableTencentCode(Code), requestId)
      }
      const envelope = Envelope.safeParse(json)
      const parsed = envelope.success ? req.response.safeParse(envelope.data.Response) : null
      // A 200 we cannot read (a proxy's HTML page, a changed API): not retried, someone must look.
      if (!parsed?.success) return failure('MALFORMED_RESPONSE', `${req.action}: unexpected reply from Tencent Cloud`, false, requestId)
      return { ok: true, data: parsed.data, ...(requestId ? { requestId } : {}) }
    },
  }
}
