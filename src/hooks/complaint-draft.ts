import Taro from '@tarojs/taro'
import { z } from 'zod'
import { CASE_KINDS } from '../domain/case-kind-and-status'
import { DEMANDS, PROBLEM_TYPES } from '../domain/classification'
import { EVIDENCE_KINDS } from '../domain/evidence.schema'
import { INDUSTRY_LINES } from '../domain/industry'
import { MerchantEntrySchema } from '../domain/merchant.schema'

// A complaint draft survives reloads, an app kill and failed submissions: every field, the shop
// chosen by search, the evidence (uploaded files by their server id; files not uploaded yet as
// pending entries to retry), and the idempotency key made once per draft. A retry after a failure
// (even one where the server did create the case but the answer got lost) sends the same key, so
// the server returns the first case instead of filing a second. Dropped only after a confirmed
// submission. Anything unreadable in storage falls back to the empty value field by field.
const orEmpty = <S extends z.ZodType>(schema: S, empty: z.output<S>) => schema.catch(empty)

export const DraftFieldsSchema = z.object({
  kind: orEmpty(z.enum(CASE_KINDS), 'complaint'),
  anonymous: orEmpty(z.boolean(), false),
  name: orEmpty(z.string(), ''),
  phone: orEmpty(z.string(), ''),
  address: orEmpty(z.string(), ''),
  purchaseDate: orEmpty(z.string(), ''), // YYYY-MM-DD
  purchaseClock: orEmpty(z.string(), ''), // HH:mm, optional
  amountYuan: orEmpty(z.string(), ''),
  product: orEmpty(z.string(), ''),
  problemType: orEmpty(z.enum([...PROBLEM_TYPES, '']), ''),
  industry: orEmpty(z.enum([...INDUSTRY_LINES, '']), ''),
  demands: orEmpty(z.array(z.enum(DEMANDS)), []),
  description: orEmpty(z.string(), ''),
  consentAgreed: orEmpty(z.boolean(), false),
  sharePhoneWithMerchant: orEmpty(z.boolean(), false),
  /** proxy filing only: the helper read the notice aloud and the person agreed */
  attestation: orEmpty(z.boolean(), false),
})
export type DraftFields = z.infer<typeof DraftFieldsSchema>

export const EvidenceEntrySchema = z.object({
  localId: z.string(),
  kind: z.enum(EVIDENCE_KINDS),
  name: z.string(),
  size: z.number(),
  mime: z.string(),
  /** the server's evidence id once uploaded; it is what the submission sends */
  id: z.string().nullable(),
  /** `uploading` is never stored: an upload cut short by a reload comes back as `pending` */
  status: z.enum(['done', 'uploading', 'failed', 'pending']),
  error: z.string().optional(),
})
export type EvidenceEntry = z.infer<typeof EvidenceEntrySchema>

const IDEMPOTENCY_KEY = /^[A-Za-z0-9]{32}$/
const DraftSchema = z.object({
  fields: DraftFieldsSchema,
  evidence: orEmpty(z.array(EvidenceEntrySchema), []),
  shop: orEmpty(MerchantEntrySchema.nullable(), null),
  idempotencyKey: z.string().regex(IDEMPOTENCY_KEY),
})
export type Draft = z.infer<typeof DraftSchema>

/** Where a draft is kept: one per shop scanned, one for "find the shop by name", one for proxy filing. */
const storageKey = (scope: string) => `kuaisu:draft:${scope}`

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

/**
 * Spoken text goes after what is already written, never instead of it. A segment that follows text
 * ending mid-sentence is joined with "，" (the person paused, then went on); after a full stop or a
 * line break it is simply appended.
 */
export function appendSpoken(current: string, spoken: string): string {
  const said = spoken.trim()
  if (!said) return current
  if (!current.trim()) return said
  return /[。！？!?；;，,、：:\n]\s*$/.test(current) ? current.replace(/[ \t]+$/, '') + said : current.replace(/\s+$/, '') + '，' + said
}

export const emptyDraft = (): Draft => ({
  fields: DraftFieldsSchema.parse({}),
  evidence: [],
  shop: null,
  idempotencyKey: newIdempotencyKey(),
})

/** Drafts saved before the form grew (`{ text, idempotencyKey }`) keep their text and key. */
function upgrade(stored: unknown): unknown {
  if (typeof stored !== 'object' || stored === null || 'fields' in stored) return stored
  const old = stored as { text?: unknown; idempotencyKey?: unknown }
  return { fields: { description: old.text }, idempotencyKey: old.idempotencyKey }
}

export function loadDraft(scope: string): Draft {
  try {
    const parsed = DraftSchema.safeParse(upgrade(Taro.getStorageSync(storageKey(scope))))
    if (parsed.success) {
      const evidence = parsed.data.evidence.map((e) => (e.status === 'uploading' ? { ...e, status: 'pending' as const } : e))
      return { ...parsed.data, evidence }
    }
  } catch {
    // storage unavailable (private mode…): start a fresh draft
  }
  return emptyDraft()
}

export function saveDraft(scope: string, draft: Draft): void {
  try {
    Taro.setStorageSync(storageKey(scope), draft)
  } catch {
    // losing the draft on reload is a nuisance, not a failure worth interrupting the person for
  }
}

export function clearDraft(scope: string): void {
  try {
    Taro.removeStorageSync(storageKey(scope))
  } catch {
    // nothing to do
  }
}
