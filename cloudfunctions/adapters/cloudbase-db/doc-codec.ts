import { createHash } from 'node:crypto'

// How values are written so the document database can compare them. Instants are ISO 8601 strings
// in the domain (with any offset); a range query or an orderBy on strings compares characters, so
// every instant a query filters or sorts on is written in ONE fixed-width UTC form
// (2026-12-05T02:30:00.000Z, as Date#toISOString gives). Then string order is time order.

/** The instant in fixed-width UTC (what every stored, compared instant must be). */
export function utc(instant: string): string {
  const d = new Date(instant)
  if (Number.isNaN(d.getTime())) throw new Error(`not an instant: ${instant}`)
  return d.toISOString()
}

/** utc() for an instant that may be absent. */
export const utcOrNull = (instant: string | null | undefined): string | null => (instant == null ? null : utc(instant))

/** A stable _id made of parts that may hold ':' themselves (subjects, keys): each part escaped. */
export function compoundId(...parts: string[]): string {
  return parts.map((p) => encodeURIComponent(p)).join(':')
}

/** A fixed-size _id from parts of any length or alphabet (a guard or delivery key): their sha256. */
export const digestId = (...parts: string[]) => createHash('sha256').update(JSON.stringify(parts)).digest('hex')

/** A RegExp source that matches `text` literally: a shopper's "." or "%" means itself, not syntax. */
export const literalPattern = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
