import { CLOUD_EXPORT_MAX_ROWS } from '../../../domain/exports/cloud-export-limits'

// The words for a case export that comes as several files (the mini-program: a cloud file holds at most
// CLOUD_EXPORT_MAX_ROWS cases; docs/cloud-exports.md). Pure, so the page and its test say the same.

export interface ExportPart {
  index: number
  of: number
  total: number
}

const span = (index: number, total: number, perFile: number) => {
  const first = (index - 1) * perFile + 1
  return `第 ${first}–${Math.min(total, index * perFile)} 件`
}

/** "共 2400 件，分 2 个文件，已打开第 1 个（第 1–2000 件）" */
export const partDone = (p: ExportPart, perFile = CLOUD_EXPORT_MAX_ROWS) =>
  `共 ${p.total} 件，分 ${p.of} 个文件，已打开第 ${p.index} 个（${span(p.index, p.total, perFile)}）`

/** The next file's button: "导出第 2 个文件（第 2001–2400 件）"; null after the last. */
export const nextPartLabel = (p: ExportPart, perFile = CLOUD_EXPORT_MAX_ROWS) =>
  p.index < p.of ? `导出第 ${p.index + 1} 个文件（${span(p.index + 1, p.total, perFile)}）` : null

export const PART_NOTICE = `小程序内每个文件最多 ${CLOUD_EXPORT_MAX_ROWS} 件，件数更多时分成几个文件依次导出；CSV 请在电脑上导出`
