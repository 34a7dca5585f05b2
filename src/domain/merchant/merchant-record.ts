import { z } from 'zod'

/**
 * What a shop's record is counted from (the store counts; nothing here reads case rows).
 * A response clock is on time when it stopped at or before its due instant, late when it stopped
 * after it or the tick marked it overdue (the counts are kept counters, which cannot flip by
 * themselves as time passes), and pending while it runs — a case that came in five minutes ago is
 * neither a kept nor a broken promise yet.
 */
export interface MerchantCaseCounts {
  total: number
  open: number
  closed: number
  /** closed with outcome 'settled' (双方自行和解) */
  settled: number
  responseStarted: number
  responseOnTime: number
  responseLate: number
}

const Count = z.number().int().nonnegative()
/** 0…1, or null when nothing has been decided yet (no "0 %" for a shop with no cases) */
const Rate = z.number().min(0).max(1).nullable()

export const MerchantRecordSchema = z.object({
  total: Count,
  open: Count,
  closed: Count,
  settled: Count,
  /** settled / closed: 自行和解率 */
  selfSettlementRate: Rate,
  responses: z.object({ started: Count, onTime: Count, late: Count, pending: Count }),
  /** onTime / (onTime + late): 45分钟响应率 (the shop's own minutes when it signed) */
  onTimeResponseRate: Rate,
})
export type MerchantRecord = z.infer<typeof MerchantRecordSchema>

const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null)

export function merchantRecordOf(c: MerchantCaseCounts): MerchantRecord {
  const decided = c.responseOnTime + c.responseLate
  return {
    total: c.total,
    open: c.open,
    closed: c.closed,
    settled: c.settled,
    selfSettlementRate: rate(c.settled, c.closed),
    responses: { started: c.responseStarted, onTime: c.responseOnTime, late: c.responseLate, pending: c.responseStarted - decided },
    onTimeResponseRate: rate(c.responseOnTime, decided),
  }
}

/** 0.875 → "87.5%", null → "—" */
export function formatRate(r: number | null): string {
  if (r === null) return '—'
  return `${Math.round(r * 1000) / 10}%`
}
