import type { CaseEvent } from '../case.schema'

// The timeline is append-only and chained: each event carries the hash of the one before, so an
// edited or deleted event breaks every link after it. Hashing itself is the platform's (a port);
// the domain says exactly which bytes are hashed.
export const GENESIS_HASH = '0'.repeat(64)

// the MAC signs the hash, so it is not part of what is hashed
type Hashable = Omit<CaseEvent, 'id' | 'hash' | 'mac'>

/**
 * The canonical text an event's hash covers: fixed key order, no whitespace. Attachments and
 * details joined the event later, the case-state digest later still; each is appended only when
 * present, so the events written before them keep the hashes they were stored with (and a chain
 * spanning both still verifies). With a state digest all three slots are written, so none can be
 * mistaken for another.
 */
export function eventHashInput(e: Hashable): string {
  const base: unknown[] = [e.caseId, e.seq, e.type, e.actor.role, e.actor.id, e.at, e.note, e.prevHash]
  const attachments = e.attachments ?? []
  const details = e.details ? canonical(e.details) : null
  if (e.stateDigest) base.push(attachments, details, e.stateDigest)
  else if (attachments.length > 0 || e.details) base.push(attachments, details)
  return JSON.stringify(base)
}

/** Object keys sorted at every level: the same details always hash the same, whatever their key order. */
export function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical)
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    )
  }
  return value
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
