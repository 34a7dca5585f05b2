import { fail, ok, type Result } from '../../../src/domain/errors'
import { CLOUD_EXPORT_LINK_MINUTES, type ExportFile } from '../../../src/domain/exports/export-api'
import { LetterQuerySchema } from '../../../src/domain/letters/letter-delivery.schema'
import { dayOf } from '../../../src/domain/metrics/period'
import { parseWith } from '../../../src/domain/validation'
import type { ServiceContext } from '../context'
import { analysisLetterDocument } from './analysis-letters'

// 消费投诉分析建议书 as a file link where there is no host to stream from (CloudBase and the mini-program;
// docs/analysis-letters.md). The same document as the host's GET /export/letter.pdf, checked by the same
// service (the shop within the caller's statistics scope; another site's shop: MERCHANT_NOT_FOUND), then
// drawn to PDF by the export outlet (ports/export-outlet.ts), put into storage and answered as a link for
// CLOUD_EXPORT_LINK_MINUTES. Nothing is written before the checks pass.

const TTL_MS = CLOUD_EXPORT_LINK_MINUTES * 60_000

/** The host route's file name: 消费投诉分析建议书_<shop>_<quarter>.pdf */
export const letterFileName = (subtitle: string, quarter: string) => `消费投诉分析建议书_${subtitle.split(' · ')[0]}_${quarter}.pdf`

export async function letterPdfLink(ctx: ServiceContext, input: unknown): Promise<Result<ExportFile>> {
  const q = parseWith(LetterQuerySchema, input)
  if (!q.ok) return q
  const made = await analysisLetterDocument(ctx, q.data)
  if (!made.ok) return made
  const outlet = ctx.deps.exportOutlet
  if (!outlet) return fail('EXPORT_UNAVAILABLE')
  const bytes = await outlet.pdf(made.data)
  if (bytes === 'font-missing') return fail('REPORT_FONT_MISSING')
  const now = ctx.deps.clock.now()
  // the day first: the storage's clean-up removes whole past days under exports/ (docs/cloud-exports.md)
  const name = `${dayOf(now)}/${ctx.deps.ids.newId()}.pdf`
  const url = await outlet.publish(name, bytes, TTL_MS)
  // built apart from the answer: the export file's shape is growing (its storage name) on the exports side
  const file = {
    name,
    url,
    fileName: letterFileName(made.data.subtitle, q.data.quarter),
    fileType: 'pdf' as const,
    bytes: bytes.byteLength,
    rows: null,
    expiresAt: new Date(now.getTime() + TTL_MS).toISOString(),
  }
  return ok(file)
}
