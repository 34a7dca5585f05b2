import { z } from 'zod'
import type { Case } from '../../../src/domain/case.schema'
import type { CaseClock } from '../../../src/domain/clocks/case-clock'
import { tallyCounts, tallyOf, type TallyCounts } from '../../../src/domain/merchant/merchant-tally'
import type { MerchantCaseCounts, MerchantRegistryStore } from '../../ports/merchant-registry-store'
import type { TallyFlag } from './case-docs'
import { COLLECTIONS } from './collection-names'
import { ok, type DocDb } from './doc-db'

// A shop's record (countMerchantCases) on the document database.
//
// Not a counter document per shop: every filing and every step of a shop's cases would write that
// one document, and concurrent transactions that write one document conflict — during a rush (ten
// filings at one stall) most of them would fail and retry. Instead each complaint carries `tally`, its
// own 0/1 flags (what it counts for, src/domain/merchant/merchant-tally.ts), written in the same
// transaction as every change of the case; the record is then six count() calls, run in parallel,
// over (merchantId, kind = 'complaint', tally.<flag> = 1), and `total` is the count of complaints.
// Writes touch only the case's own document; a count reads one index range.
//
// Indexes (cases): (merchantId, kind, tally.<flag>) for each of the six flags; `total` uses
// (merchantId, kind, createdAt) of the shop's case list.
//
// `tally.responseLate` is also set by the tick (the clock store) when it marks a complaint's
// merchant_response clock overdue: a running clock past its due counts as late from then on.

type Response = Pick<CaseClock, 'dueAt' | 'stoppedAt' | 'stage'>

/**
 * The flags a case carries after a write. `response`: its merchant_response clock when this write
 * starts or stops it; undefined when the write leaves it alone — then the response flags stay as
 * stored (`stored`), which keeps a late mark the tick made. A report counts for nothing.
 */
export function tallyAfter(
  c: Pick<Case, 'kind' | 'status' | 'outcome'>,
  response: Response | null | undefined,
  stored: TallyCounts | null,
) {
  if (c.kind !== 'complaint') return tallyCounts(null)
  const now = tallyCounts(tallyOf(c, response ?? null))
  if (response !== undefined || !stored) return now
  const { responseStarted, responseOnTime, responseLate } = stored
  return { ...now, responseStarted, responseOnTime, responseLate }
}

const CountSchema = z.object({ total: z.number().int().nonnegative() })

export function cloudbaseMerchantRecord(db: DocDb): Pick<MerchantRegistryStore, 'countMerchantCases'> {
  const count = async (where: Record<string, unknown>) =>
    CountSchema.parse(ok(await db.collection(COLLECTIONS.cases).where(where).count())).total
  return {
    async countMerchantCases(merchantId): Promise<MerchantCaseCounts> {
      const complaints = { merchantId, kind: 'complaint' }
      const flagged = (flag: TallyFlag) => count({ ...complaints, [`tally.${flag}`]: 1 })
      const [total, open, closed, settled, responseStarted, responseOnTime, responseLate] = await Promise.all([
        count(complaints),
        flagged('open'),
        flagged('closed'),
        flagged('settled'),
        flagged('responseStarted'),
        flagged('responseOnTime'),
        flagged('responseLate'),
      ])
      return { total, open, closed, settled, responseStarted, responseOnTime, responseLate }
    },
  }
}
