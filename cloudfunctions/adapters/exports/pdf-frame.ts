import { existsSync } from 'node:fs'
import { Writable } from 'node:stream'
import type { ReportBlock, ReportDocument } from '../../../src/domain/reports/report-document'
import type { ByteSink, RenderPdf } from '../../ports/exports'

// The frame every printed report shares (docs/exports-and-reports.md): A4, a Chinese font, the title
// and subtitle, headings, paragraphs, figure lists, tables that repeat their header on a new page, and
// "第 n 页 / 共 m 页" with the footer on every page. The reports only say what to print
// (src/domain/reports/); a third document (a shop's 消费投诉分析建议书) needs no change here.
//
// The font: pdfkit's built-in fonts have no Chinese, so the host must have one. Debian's
// fonts-wqy-microhei is the default; KS_REPORT_FONT names another (a .ttf/.otf, or a .ttc with
// KS_REPORT_FONT_FAMILY naming the face). A missing font is a loud, Chinese failure, never a PDF of boxes.

export const DEFAULT_REPORT_FONT = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc'
const DEFAULT_FAMILY = 'WenQuanYiMicroHei'

export class ReportFontMissing extends Error {
  constructor(readonly path: string) {
    super(`报表所需的中文字体不存在：${path}。请安装 fonts-wqy-microhei，或用环境变量 KS_REPORT_FONT 指定字体文件。`)
  }
}

export interface ReportFont {
  path: string
  /** the face inside a .ttc collection; ignored for a single-font file */
  family?: string
}

export function reportFontFromEnv(env: NodeJS.ProcessEnv = process.env): ReportFont {
  const path = env.KS_REPORT_FONT || DEFAULT_REPORT_FONT
  const family = env.KS_REPORT_FONT_FAMILY || (path === DEFAULT_REPORT_FONT ? DEFAULT_FAMILY : undefined)
  return { path, family }
}

const A4_MARGIN = 56
const SIZES = { title: 20, subtitle: 11, heading: 14, body: 11, table: 9.5, footer: 9 } as const

type Pdf = InstanceType<typeof import('pdfkit')>
let loading: Promise<typeof import('pdfkit')> | undefined
const pdfkit = () => (loading ??= import('pdfkit').then((m) => ('default' in m ? (m.default as typeof import('pdfkit')) : m)))

export function pdfFrame(font: ReportFont = reportFontFromEnv()): RenderPdf {
  return async (document, sink) => {
    if (!existsSync(font.path)) throw new ReportFontMissing(font.path)
    const PDFDocument = await pdfkit()
    // bufferPages: the page count is known only at the end, when every page gets its number
    const doc: Pdf = new PDFDocument({ size: 'A4', margin: A4_MARGIN, bufferPages: true, info: { Title: document.title } })
    const done = pipeTo(doc, sink)
    doc.registerFont('cjk', font.path, font.family)
    doc.font('cjk')
    drawTitle(doc, document)
    for (const block of document.blocks) drawBlock(doc, block)
    numberPages(doc, document.footer)
    doc.end()
    await done
  }
}

function pipeTo(doc: Pdf, sink: ByteSink): Promise<void> {
  const out = new Writable({
    write(chunk: Buffer, _encoding, next) {
      sink.write(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength)).then(() => next(), next)
    },
  })
  doc.pipe(out)
  return new Promise((resolve, reject) => {
    out.on('finish', resolve)
    out.on('error', reject)
  })
}

const contentWidth = (doc: Pdf) => doc.page.width - doc.page.margins.left - doc.page.margins.right
const bottom = (doc: Pdf) => doc.page.height - doc.page.margins.bottom

function drawTitle(doc: Pdf, d: ReportDocument) {
  doc.fontSize(SIZES.title).text(d.title, { align: 'center' })
  doc.moveDown(0.3).fontSize(SIZES.subtitle).fillColor('#444').text(d.subtitle, { align: 'center' }).fillColor('black')
  doc.moveDown(1)
}

function drawBlock(doc: Pdf, b: ReportBlock) {
  const left = doc.page.margins.left
  switch (b.kind) {
    case 'heading':
      if (doc.y + 60 > bottom(doc)) doc.addPage() // a heading never ends a page alone
      doc.moveDown(0.6).fontSize(SIZES.heading).text(b.text, left).moveDown(0.3)
      return
    case 'paragraph':
      doc
        .fontSize(SIZES.body)
        .text(b.text, left, undefined, { width: contentWidth(doc), lineGap: 3 })
        .moveDown(0.4)
      return
    case 'figures':
      drawTable(
        doc,
        ['项目', '数值'],
        b.items.map((i) => [i.label, i.value]),
        '',
        [0.6, 0.4],
      )
      return
    case 'table':
      drawTable(doc, b.columns, b.rows, b.empty, b.widths)
      return
  }
}

function drawTable(doc: Pdf, columns: readonly string[], rows: readonly (readonly string[])[], empty: string, widths?: readonly number[]) {
  const left = doc.page.margins.left
  const width = contentWidth(doc)
  const shares = widths && widths.length === columns.length ? widths : columns.map(() => 1 / columns.length)
  const total = shares.reduce((a, b) => a + b, 0)
  const cols = shares.map((s) => (s / total) * width)
  const pad = 4
  doc.fontSize(SIZES.table)
  const heightOf = (cells: readonly string[]) =>
    Math.max(...cells.map((text, i) => doc.heightOfString(text || ' ', { width: cols[i] - 2 * pad }))) + 2 * pad
  const drawRow = (cells: readonly string[], header: boolean) => {
    const h = heightOf(cells)
    if (doc.y + h > bottom(doc)) {
      doc.addPage()
      if (!header) drawRow(columns, true) // the header again on every page the table runs onto
    }
    const y = doc.y
    let x = left
    if (header) doc.rect(left, y, width, h).fill('#eeeeee').fillColor('black')
    cells.forEach((text, i) => {
      doc.rect(x, y, cols[i], h).lineWidth(0.5).stroke('#999999')
      doc.fillColor('black').text(text, x + pad, y + pad, { width: cols[i] - 2 * pad })
      x += cols[i]
    })
    doc.x = left
    doc.y = y + h
  }
  drawRow(columns, true)
  if (rows.length === 0) drawRow([empty, ...columns.slice(1).map(() => '')], false)
  for (const r of rows) drawRow(r, false)
  doc.moveDown(0.8)
}

function numberPages(doc: Pdf, footer: string) {
  const range = doc.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    const y = doc.page.height - doc.page.margins.bottom + 16
    const text = `${footer}    第 ${i - range.start + 1} 页 / 共 ${range.count} 页`
    // below the bottom margin: pdfkit would start a new page for text there unless the margin is lifted
    const margin = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    doc
      .fontSize(SIZES.footer)
      .fillColor('#555')
      .text(text, doc.page.margins.left, y, { width: contentWidth(doc), align: 'center', lineBreak: false })
    doc.page.margins.bottom = margin
  }
  doc.fillColor('black')
}
