import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import QRCode from 'qrcode'

/** One PNG per shop entry URL, for printing; error correction M survives a smudged poster. */
export async function writeEntryQrCodes(dir: string, entries: { code: string; url: string }[]): Promise<string[]> {
  mkdirSync(dir, { recursive: true })
  const files: string[] = []
  for (const entry of entries) {
    const file = join(dir, `${entry.code}.png`)
    await QRCode.toFile(file, entry.url, { errorCorrectionLevel: 'M', width: 600, margin: 2 })
    files.push(file)
  }
  return files
}
