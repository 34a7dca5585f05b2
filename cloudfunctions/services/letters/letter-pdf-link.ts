import type { Result } from '../../../src/domain/errors'
import type { ExportFile } from '../../../src/domain/exports/export-api'
import { LetterQuerySchema } from '../../../src/domain/letters/letter-delivery.schema'
import { parseWith } from '../../../src/domain/validation'
import type { ServiceContext } from '../context'
import { pdfFile } from '../exports/cloud-exports'
import { analysisLetterDocument } from './analysis-letters'

// 消费投诉分析建议书 as a file link where there is no host to stream from (CloudBase and the mini-program;
// docs/analysis-letters.md). The same document as the host's GET /export/letter.pdf, checked by the same
// service (the shop within the caller's statistics scope; another site's shop: MERCHANT_NOT_FOUND), then
// drawn, stored and linked as the station's reports are (exports/cloud-exports.ts pdfFile). Nothing is
// written before the checks pass.

/** The host route's file name: 消费投诉分析建议书_<shop>_<quarter>.pdf */
export const letterFileName = (subtitle: string, quarter: string) => `消费投诉分析建议书_${subtitle.split(' · ')[0]}_${quarter}.pdf`

export async function letterPdfLink(ctx: ServiceContext, input: unknown): Promise<Result<ExportFile>> {
  const q = parseWith(LetterQuerySchema, input)
  if (!q.ok) return q
  const made = await analysisLetterDocument(ctx, q.data)
  if (!made.ok) return made
  return pdfFile(ctx, made, letterFileName(made.data.subtitle, q.data.quarter))
}
