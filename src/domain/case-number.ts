import { shanghaiDayKey } from './time'

// Case numbers are read out over the phone and typed into a lookup page, so they are short, carry the
// local day they were filed on, and count up within it: KS-20261122-0007.
export function formatCaseNo(receivedAt: Date | string, sequenceOfDay: number): string {
  if (!Number.isInteger(sequenceOfDay) || sequenceOfDay < 1) {
    throw new RangeError(`sequence must be a positive integer, got ${sequenceOfDay}`)
  }
  return `KS-${shanghaiDayKey(receivedAt)}-${String(sequenceOfDay).padStart(4, '0')}`
}

/** The counter a case number draws from: one per local day. */
export function caseNoCounterName(receivedAt: Date | string): string {
  return `case-no:${shanghaiDayKey(receivedAt)}`
}

export const CASE_NO_PATTERN = /^KS-\d{8}-\d{4,}$/
