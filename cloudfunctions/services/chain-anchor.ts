import { sealAnchor, type ChainHead, type HeadAnchor } from '../../src/domain/workflow/chain-signature'
import type { Deps } from './context'

const PAGE = 200

/**
 * Anchor the heads of the chains outside the database: every case whose row changed at or after
 * `changedSince` (all cases when null) with its last event's seq, hash and signature, sealed with
 * CHAIN_KEY and handed to the anchors port. Returns the entry, or null when no case moved.
 */
export async function anchorChainHeads(
  deps: Pick<Deps, 'store' | 'clock' | 'chainSigner' | 'chainAnchors'>,
  changedSince: string | null,
): Promise<HeadAnchor | null> {
  const since = changedSince === null ? null : Date.parse(changedSince)
  const heads = new Map<string, ChainHead>() // by case: a page that shifts under a new case repeats one, never skips one
  for (let offset = 0; ; offset += PAGE) {
    const page = await deps.store.listAllCases({ limit: PAGE, offset })
    for (const c of page) {
      if (since !== null && Date.parse(c.updatedAt) < since) continue // every step moves updatedAt
      const events = await deps.store.listEvents(c.id)
      const last = events[events.length - 1]
      if (last) heads.set(c.id, { caseId: c.id, seq: last.seq, hash: last.hash, mac: last.mac ?? null })
    }
    if (page.length < PAGE) break
  }
  if (heads.size === 0) return null
  const anchor = sealAnchor(deps.chainSigner, deps.clock.now().toISOString(), [...heads.values()])
  await deps.chainAnchors.append(anchor)
  return anchor
}

/**
 * CloudBase has no host job: its clock timer fires every minute, and in the one minute of the day at
 * 03:00 Beijing time (19:00 UTC) it anchors the cases that moved in the last 25 hours (an hour of
 * overlap, so a late or missed minute does not leave a gap) — to the function's log only.
 */
export const CLOUD_ANCHOR_WINDOW_MS = 25 * 60 * 60 * 1000
export const isCloudAnchorMinute = (now: Date) => now.getUTCHours() === 19 && now.getUTCMinutes() === 0
