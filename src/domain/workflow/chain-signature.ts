import { z } from 'zod'

// What CHAIN_KEY signs, and how a signature is written. The hash chain alone is public arithmetic:
// whoever can write the database can edit an event and recompute every later hash. A MAC under a key
// the database does not hold cannot be recomputed that way. Each signature names the key it was made
// with (a short public fingerprint), so "another key" is told apart from "tampered".

/** The platform's HMAC-SHA256 under CHAIN_KEY (a port in the back end), and the key's fingerprint. */
export interface ChainKey {
  keyId: string
  mac(text: string): string
}

/** The text an event's MAC covers: its hash covers everything else (content, prevHash, state digest). */
export const eventMacText = (e: { caseId: string; seq: number; hash: string }) => JSON.stringify(['ks-event', e.caseId, e.seq, e.hash])

/** "<keyId>:<hex>": the form an event's `mac` field is stored in. */
export const signEvent = (key: ChainKey, e: { caseId: string; seq: number; hash: string }) => `${key.keyId}:${key.mac(eventMacText(e))}`

export type SignatureCheck = 'ok' | 'bad' | 'other-key' | 'unreadable'

export function checkEventSignature(key: ChainKey, e: { caseId: string; seq: number; hash: string; mac: string }): SignatureCheck {
  const colon = e.mac.indexOf(':')
  if (colon <= 0) return 'unreadable'
  if (e.mac.slice(0, colon) !== key.keyId) return 'other-key'
  return e.mac.slice(colon + 1) === key.mac(eventMacText(e)) ? 'ok' : 'bad'
}

export const keyIdOf = (mac: string) => mac.slice(0, Math.max(0, mac.indexOf(':')))

// The daily head: each case's last event as it stood, written outside the database (the log, and on
// the local host an append-only file). A deleted tail or a chain recomputed after that moment no
// longer meets its anchored head.
export const ChainHeadSchema = z.object({
  caseId: z.string().min(1),
  seq: z.number().int().positive(),
  hash: z.string().min(1),
  mac: z.string().nullable(),
})
export type ChainHead = z.infer<typeof ChainHeadSchema>

export const HeadAnchorSchema = z.object({
  at: z.iso.datetime({ offset: true }),
  keyId: z.string(),
  heads: z.array(ChainHeadSchema),
  /** MAC of the entry itself: an edited anchor line shows too */
  mac: z.string(),
})
export type HeadAnchor = z.infer<typeof HeadAnchorSchema>

const anchorMacText = (at: string, heads: readonly ChainHead[]) =>
  JSON.stringify(['ks-chain-heads', at, heads.map((h) => [h.caseId, h.seq, h.hash, h.mac])])

export function sealAnchor(key: ChainKey, at: string, heads: ChainHead[]): HeadAnchor {
  return { at, keyId: key.keyId, heads, mac: key.mac(anchorMacText(at, heads)) }
}

export function anchorIsSealed(key: ChainKey, a: HeadAnchor): boolean {
  return a.keyId === key.keyId && a.mac === key.mac(anchorMacText(a.at, a.heads))
}
