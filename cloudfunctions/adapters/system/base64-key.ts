import { z } from 'zod'

/**
 * A 32-byte secret written as base64 (DATA_KEY seals personal data with AES-256-GCM, LINK_KEY signs
 * evidence links). Both compositions read keys with it — the local host and the cloud functions —
 * so it lives with the adapters they share, not in either one.
 */
export const Base64KeySchema = z.string().transform((v, ctx) => {
  const bytes = Buffer.from(v, 'base64')
  if (bytes.length !== 32) ctx.addIssue({ code: 'custom', message: '必须是 32 字节的 base64 密钥' })
  return new Uint8Array(bytes)
})
