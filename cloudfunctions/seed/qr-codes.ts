import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import QRCode from 'qrcode'

const MANIFEST = 'index.json'

/**
 * One PNG per shop entry URL, for printing; error correction M survives a smudged poster.
 * A manifest remembers which URL each PNG encodes, so a restart redraws only what changed
 * (a new shop, or a new PUBLIC_URL).
 */
export async function writeEntryQrCodes(dir: string, entries: { code: string; url: string }[]): Promise<string[]> {
  mkdirSync(dir, { recursive: true })
  const manifestFile = join(dir, MANIFEST)
  const drawn: Record<string, string> = existsSync(manifestFile) ? JSON.parse(readFileSync(manifestFile, 'utf8')) : {}
  const files: string[] = []
  for (const entry of entries) {
    const file = join(dir, `${entry.code}.png`)
    if (drawn[entry.code] !== entry.url || !existsSync(file)) {
      writeFileSync(file, await QRCode.toBuffer(entry.url, { errorCorrectionLevel: 'M', width: 600, margin: 2 }))
      drawn[entry.code] = entry.url
    }
    files.push(file)
  }
  writeFileSync(manifestFile, JSON.stringify(drawn, null, 2))
  return files
}
