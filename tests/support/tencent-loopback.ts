import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { Socket } from 'node:net'
import { asyncHandler } from './async-handler'

// A stand-in for https://<service>.tencentcloudapi.com on 127.0.0.1, and a second, independent
// TC3-HMAC-SHA256 implementation that checks every request it receives. Written from Tencent's
// "Signature v3" page step by step, on WebCrypto rather than node:crypto's createHmac, and sharing
// no code with cloudfunctions/adapters/tencent/tc3-signer.ts — so a mistake there cannot hide here.

export type Verdict = { ok: true } | { ok: false; reason: string }

export type Tc3Inputs = {
  method: string
  path: string
  query: string
  /** lowercase header name → value, only the signed ones, as the server saw them */
  signedHeaders: [string, string][]
  payload: Uint8Array
  timestamp: string
  date: string
  service: string
  secretKey: string
}

const enc = new TextEncoder()
const hex = (bytes: ArrayBuffer | Uint8Array) => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('')
// copies into a fresh ArrayBuffer-backed view, the only kind WebCrypto's types accept
const sha256Hex = async (data: Uint8Array) => hex(await crypto.subtle.digest('SHA-256', new Uint8Array(data)))
async function hmacSha256(key: Uint8Array, message: string): Promise<Uint8Array> {
  const k = await crypto.subtle.importKey('raw', new Uint8Array(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
  return new Uint8Array(await crypto.subtle.sign('HMAC', k, enc.encode(message)))
}

/** Steps 1–3 of the documented algorithm, with every intermediate value exposed for the docs' example. */
export async function tc3Steps(i: Tc3Inputs) {
  // 1. CanonicalRequest
  const hashedPayload = await sha256Hex(i.payload)
  let canonicalHeaders = ''
  for (const [name, value] of i.signedHeaders) canonicalHeaders += `${name.trim().toLowerCase()}:${value.trim().toLowerCase()}\n`
  const signedHeaderNames = i.signedHeaders.map(([name]) => name).join(';')
  const canonicalRequest =
    i.method + '\n' + i.path + '\n' + i.query + '\n' + canonicalHeaders + '\n' + signedHeaderNames + '\n' + hashedPayload
  // 2. StringToSign
  const credentialScope = i.date + '/' + i.service + '/tc3_request'
  const hashedCanonicalRequest = await sha256Hex(enc.encode(canonicalRequest))
  const stringToSign = 'TC3-HMAC-SHA256\n' + i.timestamp + '\n' + credentialScope + '\n' + hashedCanonicalRequest
  // 3. Signature
  const secretDate = await hmacSha256(enc.encode('TC3' + i.secretKey), i.date)
  const secretService = await hmacSha256(secretDate, i.service)
  const secretSigning = await hmacSha256(secretService, 'tc3_request')
  const signature = hex(await hmacSha256(secretSigning, stringToSign))
  return { hashedPayload, canonicalRequest, hashedCanonicalRequest, stringToSign, signature }
}

function utcDay(seconds: number): string {
  const d = new Date(seconds * 1000)
  const two = (n: number) => (n < 10 ? '0' : '') + n
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`
}

const AUTH =
  /^TC3-HMAC-SHA256 Credential=([^/\s]+)\/(\d{4}-\d{2}-\d{2})\/([a-z0-9]+)\/tc3_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/

export type KnownKey = { secretId: string; secretKey: string; service: string }

/** What Tencent would check, given the secret it holds for the presented SecretId. */
export async function verifyTc3(
  req: { method: string; url: string; headers: IncomingHttpHeaders; body: Uint8Array },
  known: KnownKey,
  nowSeconds: number,
): Promise<Verdict> {
  const header = (name: string) => [req.headers[name]].flat()[0]
  const m = AUTH.exec(header('authorization') ?? '')
  if (!m) return { ok: false, reason: 'Authorization is not a TC3-HMAC-SHA256 credential' }
  const [, secretId, date, service, signedHeaders, signature] = m
  if (secretId !== known.secretId) return { ok: false, reason: 'unknown SecretId' }
  if (service !== known.service) return { ok: false, reason: `scope names service ${service}, this is ${known.service}` }
  const timestamp = header('x-tc-timestamp') ?? ''
  if (!/^\d+$/.test(timestamp)) return { ok: false, reason: 'X-TC-Timestamp missing' }
  if (Math.abs(nowSeconds - Number(timestamp)) > 300) return { ok: false, reason: 'signature expired' }
  if (date !== utcDay(Number(timestamp))) return { ok: false, reason: `scope date ${date} is not the UTC day of the timestamp` }
  const names = signedHeaders.split(';')
  if (!names.includes('content-type') || !names.includes('host')) return { ok: false, reason: 'content-type and host must be signed' }
  if (names.join(';') !== [...names].sort().join(';')) return { ok: false, reason: 'SignedHeaders not in ascending order' }
  if (header('content-type') !== 'application/json; charset=utf-8') return { ok: false, reason: 'wrong Content-Type' }
  const [path, query = ''] = req.url.split('?')
  // Node's fetch cannot send a Host other than the URL's, so the stand-in vouches for the real service host.
  const value = (name: string) => (name === 'host' ? `${known.service}.tencentcloudapi.com` : (header(name) ?? ''))
  const expected = await tc3Steps({
    method: req.method,
    path,
    query,
    signedHeaders: names.map((n) => [n, value(n)]),
    payload: req.body,
    timestamp,
    date,
    service,
    secretKey: known.secretKey,
  })
  return expected.signature === signature ? { ok: true } : { ok: false, reason: 'signature mismatch' }
}

export type ReceivedCall = {
  headers: IncomingHttpHeaders
  rawBody: string
  body: unknown
  action: string | undefined
  version: string | undefined
  region: string | undefined
  verdict: Verdict
}

/** `hang` keeps the request open forever (the client's timeout must end it); `raw` sends text as is. */
export type LoopbackReply = { status?: number; json?: unknown; raw?: string; hang?: true }

export type TencentLoopback = { baseUrl: string; calls: ReceivedCall[]; close(): Promise<void> }

export async function startTencentLoopback(
  known: KnownKey,
  reply: (call: ReceivedCall) => LoopbackReply = () => ({ json: { Response: {} } }),
): Promise<TencentLoopback> {
  const calls: ReceivedCall[] = []
  const sockets = new Set<Socket>()
  let seq = 0
  const server = createServer(
    asyncHandler(async (req, res) => {
      const chunks: Buffer[] = []
      for await (const chunk of req) chunks.push(Buffer.from(chunk))
      const bytes = Buffer.concat(chunks)
      const rawBody = bytes.toString('utf8')
      let body: unknown
      try {
        body = JSON.parse(rawBody)
      } catch {
        body = undefined
      }
      const verdict = await verifyTc3(
        { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: bytes },
        known,
        Math.floor(Date.now() / 1000),
      )
      const one = (name: string) => [req.headers[name]].flat()[0]
      const call: ReceivedCall = {
        headers: req.headers,
        rawBody,
        body,
        action: one('x-tc-action'),
        version: one('x-tc-version'),
        region: one('x-tc-region'),
        verdict,
      }
      calls.push(call)
      const RequestId = `loopback-${++seq}`
      // Tencent answers a bad signature with HTTP 200 and Response.Error, like every other API error.
      const answer: LoopbackReply = verdict.ok
        ? reply(call)
        : { json: { Response: { Error: { Code: 'AuthFailure.SignatureFailure', Message: verdict.reason }, RequestId } } }
      if (answer.hang) return
      res.writeHead(answer.status ?? 200, { 'content-type': 'application/json' })
      res.end(answer.raw ?? JSON.stringify(answer.json))
    }),
  )
  server.on('connection', (s) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      }),
  }
}
