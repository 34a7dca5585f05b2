// A printed report as plain data: what it says, not how it is drawn. Each report (the month's 工作动态,
// the quarter's 消费投诉形势分析, later a shop's 消费投诉分析建议书) builds one of these from its figures;
// the PDF frame (cloudfunctions/adapters/exports/pdf-frame.ts) draws any of them the same way: font,
// title, headings, paragraphs, tables and page numbers. Keeping the words here keeps them testable
// without a font or a PDF reader.

export type ReportBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  /** label → value lines ("受理投诉 12 件"), drawn as a two-column list */
  | { kind: 'figures'; items: readonly { label: string; value: string }[] }
  | { kind: 'table'; columns: readonly string[]; rows: readonly (readonly string[])[]; empty: string; widths?: readonly number[] }

export interface ReportDocument {
  /** the big line on top, also the PDF's Title */
  title: string
  /** who and which period, under the title */
  subtitle: string
  blocks: readonly ReportBlock[]
  /** the foot of every page, before the page number (e.g. the site and when it was printed) */
  footer: string
}

/** Every line of text a document holds, in order: what a reader of the PDF should find (tests use it). */
export function documentText(doc: ReportDocument): string[] {
  const lines = [doc.title, doc.subtitle]
  for (const b of doc.blocks) {
    if (b.kind === 'heading' || b.kind === 'paragraph') lines.push(b.text)
    if (b.kind === 'figures') for (const i of b.items) lines.push(`${i.label} ${i.value}`)
    if (b.kind === 'table') lines.push(b.columns.join(' '), ...(b.rows.length ? b.rows.map((r) => r.join(' ')) : [b.empty]))
  }
  return lines
}
