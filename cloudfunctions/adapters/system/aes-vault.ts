import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import type { Vault } from '../../ports/system'

// AES-256-GCM: confidentiality and tamper detection. Format: v1.<iv>.<tag>.<ciphertext>, base64url.
// The version prefix lets a later key rotation tell old ciphertexts from new ones.
export function aesVault(key: Uint8Array): Vault {
  if (key.length !== 32) throw new Error('the data key must be 32 bytes (AES-256)')
  return {
    seal(plaintext) {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', key, iv)
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
      return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.')
    },
    open(sealed) {
      const [version, iv, tag, body] = sealed.split('.')
      if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('not a sealed value')
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
      decipher.setAuthTag(Buffer.from(tag, 'base64url'))
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8')
    },
  }
}
