import Taro from '@tarojs/taro'
import { z } from 'zod'

// A complaint draft survives reloads and failed submissions: the text the person typed, and the
// idempotency key made once per draft. A retry after a failure (even one where the server did
// create the case but the answer got lost) sends the same key, so the server returns the first
// case instead of filing a second. The draft is dropped only after a confirmed submission.
const DraftSchema = z.object({ text: z.string(), idempotencyKey: z.string().regex(/^[A-Za-z0-9]{32}$/) })
export type Draft = z.infer<typeof DraftSchema>

const storageKey = (merchantCode: string) => `kuaisu:draft:${merchantCode}`

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** 32 characters of [A-Za-z0-9]: crypto where the platform has it (H5), Math.random otherwise
 * (weapp has no synchronous crypto; the key only has to be unique, not secret). */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(32)
  const cryptoApi = typeof crypto !== 'undefined' && typeof crypto.getRandomValues === 'function' ? crypto : null
  if (cryptoApi) cryptoApi.getRandomValues(bytes)
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256)
  let key = ''
  for (const byte of bytes) key += ALPHABET[byte % ALPHABET.length]
  return key
}

export function loadDraft(merchantCode: string): Draft {
  try {
    const parsed = DraftSchema.safeParse(Taro.getStorageSync(storageKey(merchantCode)))
    if (parsed.success) return parsed.data
  } catch {
    // storage unavailable (private mode…): start a fresh draft
  }
  return { text: '', idempotencyKey: newIdempotencyKey() }
}

export function saveDraft(merchantCode: string, draft: Draft): void {
  try {
    Taro.setStorageSync(storageKey(merchantCode), draft)
  } catch {
    // losing the draft on reload is a nuisance, not a failure worth interrupting the person for
  }
}

export function clearDraft(merchantCode: string): void {
  try {
    Taro.removeStorageSync(storageKey(merchantCode))
  } catch {
    // nothing to do
  }
}
