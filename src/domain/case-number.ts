import { shanghaiDayKey } from './time'

// Case numbers are read out over the phone and typed into a lookup page, so they are short, carry the
// local day they were filed on, and count up within it: KS-20261122-0007.
// Consultations (ZX-…) are numbered the same way with their own prefix and counter.
export function formatDayNumber(prefix: 'KS' | 'ZX', receivedAt: Date | string, sequenceOfDay: number): string {
  if (!Number.isInteger(sequenceOfDay) || sequenceOfDay < 1) {
    throw new RangeError(`sequence must be a positive integer, got ${sequenceOfDay}`)
  }
  return `${prefix}-${shanghaiDayKey(receivedAt)}-${String(sequenceOfDay).padStart(4, '0')}`
}

export const formatCaseNo = (receivedAt: Date | string, sequenceOfDay: number): string => formatDayNumber('KS', receivedAt, sequenceOfDay)

/** The counter a case number draws from: one per local day. */
export function caseNoCounterName(receivedAt: Date | string): string {
  return `case-no:${shanghaiDayKey(receivedAt)}`
}

export const CASE_NO_PATTERN = /^KS-\d{8}-\d{4,}$/
