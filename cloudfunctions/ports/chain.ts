import type { ChainKey, HeadAnchor } from '../../src/domain/workflow/chain-signature'

// The two things that make tampering with a case's record show, kept outside the database: the key
// that signs every event (CHAIN_KEY; the services never hold its bytes), and the place the daily
// heads of the chains are written to (docs/chain-integrity.md).

/** HMAC-SHA256 under CHAIN_KEY, hex, and the key's public fingerprint. */
export type ChainSigner = ChainKey

export interface ChainAnchors {
  /** where anchored heads go, in Chinese for the verification report ("…/chain-heads.log", "日志") */
  readonly where: string
  /** Write one day's heads; appended, never rewritten. */
  append(anchor: HeadAnchor): Promise<void>
  /** The newest anchored entry that names the case; null when none, or when anchors go to the log only. */
  latestWith(caseId: string): Promise<HeadAnchor | null>
}
