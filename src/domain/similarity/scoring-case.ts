import type { z } from 'zod'
import { CaseSchema } from '../case.schema'

// What scoring a case needs (突发消费事件 and 案例推荐, docs/bursts-and-similar-cases.md), and nothing
// more: no complainant, no query code, no filer, no request digest. The stores read these columns only
// (CaseScoringStore), so scoring 200 cases never opens a sealed field. The description stays: it is the
// text scored (held in memory, never answered).
export const ScoringCaseSchema = CaseSchema.pick({
  id: true,
  caseNo: true,
  kind: true,
  status: true,
  siteId: true,
  merchantId: true,
  merchantName: true,
  problemType: true,
  product: true,
  description: true,
  outcome: true,
  amountFen: true,
  createdAt: true,
  updatedAt: true,
})
export type ScoringCase = z.infer<typeof ScoringCaseSchema>
