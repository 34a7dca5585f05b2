import type { CaseEvent } from '../case.schema'

// The timeline is append-only and chained: each event carries the hash of the one before, so an
// edited or deleted event breaks every link after it. Hashing itself is the platform's (a port);
// the domain says exactly which bytes are hashed.
export const GENESIS_HASH = '0'.repeat(64)

type Hashable = Omit<CaseEvent, 'id' | 'hash'>

/** The canonical text an event's hash covers: fixed key order, no whitespace. */
export function eventHashInput(e: Hashable): string {
  return JSON.stringify([e.caseId, e.seq, e.type, e.actor.role, e.actor.id, e.at, e.note, e.prevHash])
}

export type ChainCheck = { ok: true; length: number } | { ok: false; brokenAtSeq: number; reason: 'sequence' | 'link' | 'hash' }

/** Walk a case's events in order and report the first link that does not hold. */
export function verifyChain(events: readonly CaseEvent[], sha256: (text: string) => string): ChainCheck {
  let prev = GENESIS_HASH
  for (let i = 0; i < events.length; i++) {
    const e = events[i]
    if (e.seq !== i + 1) return { ok: false, brokenAtSeq: i + 1, reason: 'sequence' }
    if (e.prevHash !== prev) return { ok: false, brokenAtSeq: e.seq, reason: 'link' }
    if (e.hash !== sha256(eventHashInput(e))) return { ok: false, brokenAtSeq: e.seq, reason: 'hash' }
    prev = e.hash
  }
  return { ok: true, length: events.length }
}
