import { createHmac, timingSafeEqual } from 'node:crypto'
import type { LinkSigner } from '../../ports/files'

// Short-lived links to evidence: base64url(`${evidenceId}.${expiresAtSeconds}`) + '.' + base64url(mac),
// mac = HMAC-SHA256 under a server key. Nothing is stored per link; the key alone makes and checks them.
// The id travels in the token (it is not a secret); what the mac protects is who may open it and until when.

const KEY_BYTES = 32
const MAC_BYTES = 32
const MAX_TOKEN_LENGTH = 512 // ids are short; refuse giant inputs before doing any crypto
const B64URL = /^[A-Za-z0-9_-]+$/
const EXPIRY = /^\d{1,12}$/

export function hmacLinkSigner(key: Uint8Array): LinkSigner {
  if (key.length < KEY_BYTES) throw new Error(`link signer: the key must be ${KEY_BYTES} bytes`)
  const secret = Buffer.from(key) // a private copy: later changes to the caller's array do not matter
  const mac = (payload: Buffer) => createHmac('sha256', secret).update(payload).digest()

  return {
    sign(evidenceId, expiresAt) {
      const payload = Buffer.from(`${evidenceId}.${Math.floor(expiresAt.getTime() / 1000)}`, 'utf8')
      return `${payload.toString('base64url')}.${mac(payload).toString('base64url')}`
    },

    verify(token, now) {
      if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) return null
      const parts = token.split('.')
      if (parts.length !== 2 || !parts.every((p) => B64URL.test(p))) return null
      const payload = Buffer.from(parts[0], 'base64url')
      const presented = Buffer.from(parts[1], 'base64url')
      // constant time, so the answer's timing does not leak how much of a forged mac was right
      if (presented.length !== MAC_BYTES || !timingSafeEqual(presented, mac(payload))) return null
      const text = payload.toString('utf8')
      const dot = text.lastIndexOf('.')
      const id = text.slice(0, dot)
      const expires = text.slice(dot + 1)
      if (dot <= 0 || !EXPIRY.test(expires)) return null
      return now.getTime() < Number(expires) * 1000 ? id : null
    },
  }
}
