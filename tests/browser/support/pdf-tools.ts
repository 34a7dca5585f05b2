import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'

// poppler-utils (apt-get install -y poppler-utils): the PDF's text, its page count, and a page as PNG.
export function requirePoppler(): void {
  if (!existsSync('/usr/bin/pdftotext')) throw new Error('pdftotext missing: apt-get install -y poppler-utils')
}

export const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })

export function pdfPageCount(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
  const pages = info.match(/^Pages:\s+(\d+)/m)
  if (!pages) throw new Error(`pdfinfo gave no page count:\n${info}`)
  return Number(pages[1])
}

/** Page `page` of the PDF as `<prefix>.png` at `dpi`; returns the file written. */
export function pdfPageToPng(file: string, page: number, prefix: string, dpi = 60): string {
  execFileSync('pdftoppm', ['-f', String(page), '-l', String(page), '-png', '-singlefile', '-r', String(dpi), file, prefix])
  return `${prefix}.png`
}
