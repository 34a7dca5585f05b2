import { PassThrough } from 'node:stream'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { fail, type Result } from '../../src/domain/errors'
import type { ReportDocument } from '../../src/domain/reports/report-document'
import { ReportFontMissing, pdfFrame } from '../adapters/exports/pdf-frame'
import { openTableWriter } from '../adapters/exports/table-writers'
import type { ByteSink, RenderPdf } from '../ports/exports'
import type { Deps, ServiceContext } from '../services/context'
import { caseExportFileName, countCaseExport, planCaseExport, writeCaseExport } from '../services/exports/case-export'
import { exportSites } from '../services/exports/export-scope'
import { monthlyReportDocument } from '../services/exports/monthly-report'
import { quarterlyReportDocument, statsWorkbook, writeSheets } from '../services/exports/stats-export'
import { analysisLetterDocument } from '../services/letters/analysis-letters'
import { resolveCaller } from '../services/resolve-caller'
import { sendResult } from './http-errors'
import { STAFF_COOKIE } from './staff-session-routes'

// Downloads for station staff (docs/exports-and-reports.md): GETs with the staff session cookie, so the
// browser can save them. Case exports stream: the case count goes out first as X-Export-Rows (the page's
// progress bar knows its end), then the file leaves page by page, chunked. The PDFs are a few pages: made
// in memory, then sent with their length. Every refusal is the usual JSON error, before any byte of a file.

export const EXPORT_ROWS_HEADER = 'x-export-rows'

type Query = Record<string, string | undefined>

const contentTypes = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const

/** attachment with the Chinese name for browsers (RFC 5987) and an ASCII fallback for the rest. */
const disposition = (fileName: string, inline = false) =>
  `${inline ? 'inline' : 'attachment'}; filename="${fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`

/** A sink over a stream: a write waits for 'drain'; a closed stream (the browser gave up) fails it. */
function streamSink(stream: PassThrough): ByteSink {
  return {
    write: (chunk) =>
      new Promise((resolve, reject) => {
        if (stream.destroyed) return reject(new Error('download closed'))
        if (stream.write(chunk)) return resolve()
        const done = (error?: Error) => {
          stream.off('drain', done)
          stream.off('close', closed)
          if (error) reject(error)
          else resolve()
        }
        const closed = () => done(new Error('download closed'))
        stream.once('drain', done)
        stream.once('close', closed)
      }),
  }
}

function bufferSink(): ByteSink & { bytes(): Buffer } {
  const chunks: Uint8Array[] = []
  return { write: async (chunk) => void chunks.push(chunk), bytes: () => Buffer.concat(chunks) }
}

const personalAsked = (q: Query) => q.personal === '1' || q.personal === 'true'

export function registerExportRoutes(app: FastifyInstance, deps: Deps, render: RenderPdf = pdfFrame()) {
  const contextOf = async (request: FastifyRequest): Promise<ServiceContext> => ({
    caller: await resolveCaller(deps, { staffSessionToken: request.cookies[STAFF_COOKIE] }),
    deps,
  })

  /** Stream a file whose writing may take long; the headers are already out when it runs. */
  function streamed(request: FastifyRequest, reply: FastifyReply, write: (sink: ByteSink) => Promise<unknown>) {
    const body = new PassThrough()
    write(streamSink(body)).then(
      () => body.end(),
      (error: unknown) => {
        request.log.error({ err: error }, 'export failed while streaming')
        body.destroy(error instanceof Error ? error : new Error(String(error))) // the browser sees a broken download, never half a file as whole
      },
    )
    return reply.send(body)
  }

  async function sendPdf(request: FastifyRequest, reply: FastifyReply, made: Result<ReportDocument>, fileName: string) {
    if (!made.ok) return sendResult(reply, made)
    const sink = bufferSink()
    try {
      await render(made.data, sink)
    } catch (error) {
      if (!(error instanceof ReportFontMissing)) throw error
      request.log.error(error.message) // the operator's sentence, with the path looked at
      return sendResult(reply, fail('REPORT_FONT_MISSING'))
    }
    return reply
      .header('content-type', contentTypes.pdf)
      .header('content-disposition', disposition(fileName, true))
      .header('cache-control', 'no-store')
      .send(sink.bytes())
  }

  app.get('/export/sites', async (request, reply) => sendResult(reply, await exportSites(await contextOf(request))))

  app.get<{ Querystring: Query }>('/export/cases', async (request, reply) => {
    const ctx = await contextOf(request)
    const q = request.query
    const plan = await planCaseExport(ctx, {
      siteId: q.siteId || undefined,
      from: q.from,
      to: q.to,
      format: q.format,
      personal: personalAsked(q),
    })
    if (!plan.ok) return sendResult(reply, plan)
    const rows = await countCaseExport(ctx, plan.data)
    reply
      .header('content-type', contentTypes[plan.data.format])
      .header('content-disposition', disposition(caseExportFileName(plan.data)))
      .header('cache-control', 'no-store')
      .header(EXPORT_ROWS_HEADER, String(rows))
      .header('access-control-expose-headers', EXPORT_ROWS_HEADER)
    return streamed(request, reply, (sink) => writeCaseExport(ctx, plan.data, openTableWriter(plan.data.format, sink)))
  })

  app.get<{ Querystring: Query }>('/export/stats', async (request, reply) => {
    const ctx = await contextOf(request)
    const { siteId, ...rest } = request.query
    const book = await statsWorkbook(ctx, { ...rest, siteId: siteId || undefined })
    if (!book.ok) return sendResult(reply, book)
    reply
      .header('content-type', contentTypes.xlsx)
      .header('content-disposition', disposition(book.data.fileName))
      .header('cache-control', 'no-store')
    return streamed(request, reply, (sink) => writeSheets(openTableWriter('xlsx', sink), book.data.sheets))
  })

  app.get<{ Querystring: Query }>('/export/monthly.pdf', async (request, reply) => {
    const q = request.query
    const made = await monthlyReportDocument(await contextOf(request), { siteId: q.siteId || undefined, month: q.month })
    return sendPdf(request, reply, made, `月度工作动态_${q.month ?? ''}.pdf`)
  })

  app.get<{ Querystring: Query }>('/export/quarterly.pdf', async (request, reply) => {
    const q = request.query
    const made = await quarterlyReportDocument(await contextOf(request), { siteId: q.siteId || undefined, quarter: q.quarter })
    return sendPdf(request, reply, made, `消费投诉形势分析_${q.quarter ?? ''}.pdf`)
  })

  // 消费投诉分析建议书 of one shop (docs/analysis-letters.md): staff within their statistics scope only
  app.get<{ Querystring: Query }>('/export/letter.pdf', async (request, reply) => {
    const q = request.query
    const made = await analysisLetterDocument(await contextOf(request), { merchantId: q.merchantId, quarter: q.quarter })
    return sendPdf(request, reply, made, `消费投诉分析建议书_${made.ok ? made.data.subtitle.split(' · ')[0] : ''}_${q.quarter ?? ''}.pdf`)
  })
}
