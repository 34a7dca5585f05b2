import { createHash, createHmac } from 'node:crypto'

// Tencent Cloud API 3.0 request signing, "TC3-HMAC-SHA256" (signature v3). Written here instead of
// pulling in tencentcloud-sdk-nodejs: the SDK is megabytes inside every bundled function, the signer is this.
// Only content-type and host are signed — the minimum the docs require; the X-TC-* headers still travel.

export type Tc3Credentials = {
  secretId: string
  secretKey: string
  /** present with temporary keys (a role's STS credentials); sent as X-TC-Token, never signed into anything */
  sessionToken?: string
}

export type Tc3Call = {
  /** the product name, first label of its host: "sms", "asr" */
  service: string
  /** the real service host, e.g. sms.tencentcloudapi.com — even when the request goes to a stand-in */
  host: string
  action: string
  version: string
  region?: string
  /** the exact body bytes that will be sent, as a string; the signature covers its SHA-256 */
  payload: string
  /** whole seconds since the epoch; Tencent refuses anything more than 5 minutes off */
  timestampSeconds: number
}

export const TC3_ALGORITHM = 'TC3-HMAC-SHA256'
export const TC3_CONTENT_TYPE = 'application/json; charset=utf-8'
const SIGNED_HEADERS = 'content-type;host'

const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')
const hmac = (key: string | Buffer, text: string) => createHmac('sha256', key).update(text, 'utf8').digest()

/** The UTC day of the timestamp: a local (UTC+8) date would break every call made between 00:00 and 08:00. */
const utcDate = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10)

/** The headers to send with `call.payload` as the body of `POST /`. */
export function signTc3(call: Tc3Call, credentials: Tc3Credentials): Record<string, string> {
  const host = call.host.toLowerCase()
  const date = utcDate(call.timestampSeconds)
  const canonicalRequest = [
    'POST',
    '/',
    '', // query string: always empty for POST
    `content-type:${TC3_CONTENT_TYPE}\nhost:${host}\n`,
    SIGNED_HEADERS,
    sha256Hex(call.payload),
  ].join('\n')
  const credentialScope = `${date}/${call.service}/tc3_request`
  const stringToSign = [TC3_ALGORITHM, String(call.timestampSeconds), credentialScope, sha256Hex(canonicalRequest)].join('\n')
  const signingKey = hmac(hmac(hmac(`TC3${credentials.secretKey}`, date), call.service), 'tc3_request')
  const signature = createHmac('sha256', signingKey).update(stringToSign, 'utf8').digest('hex')

  const headers: Record<string, string> = {
    Authorization: `${TC3_ALGORITHM} Credential=${credentials.secretId}/${credentialScope}, SignedHeaders=${SIGNED_HEADERS}, Signature=${signature}`,
    'Content-Type': TC3_CONTENT_TYPE,
    Host: host,
    'X-TC-Action': call.action,
    'X-TC-Version': call.version,
    'X-TC-Timestamp': String(call.timestampSeconds),
  }
  if (call.region) headers['X-TC-Region'] = call.region
  if (credentials.sessionToken) headers['X-TC-Token'] = credentials.sessionToken
  return headers
}
