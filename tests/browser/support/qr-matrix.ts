import { createRequire } from 'node:module'
import QRCode from 'qrcode'
import { QR_OPTIONS } from '../../../src/hooks/use-qr-data-url'

// pngjs comes with qrcode (its Node renderer) and ships no types: only the decoder is used here.
interface DecodedPng {
  width: number
  height: number
  data: Uint8Array
}
const { PNG } = createRequire(__filename)('pngjs') as { PNG: { sync: { read(png: Buffer): DecodedPng } } }

/** The SVG data URL the app must draw for `text` — computed here, independently of the page. */
export async function expectedQrDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, QR_OPTIONS)
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
}

/**
 * Reads the module grid out of a screenshot of a rendered QR (the image edge to edge, quiet zone
 * of QR_OPTIONS.margin modules included) and says how many modules differ from the code for
 * `text`. 0 means the pixels on screen carry exactly that text: a scanner would read it.
 */
export function moduleMismatches(png: Buffer, text: string): { size: number; mismatches: number } {
  const image = PNG.sync.read(png)
  const code = QRCode.create(text, { errorCorrectionLevel: QR_OPTIONS.errorCorrectionLevel })
  const size = code.modules.size
  const span = size + 2 * QR_OPTIONS.margin
  let mismatches = 0
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      const x = Math.floor(((col + QR_OPTIONS.margin + 0.5) * image.width) / span)
      const y = Math.floor(((row + QR_OPTIONS.margin + 0.5) * image.height) / span)
      const i = (y * image.width + x) * 4
      const luminance = 0.299 * image.data[i] + 0.587 * image.data[i + 1] + 0.114 * image.data[i + 2]
      const dark = luminance < 128
      if (dark !== Boolean(code.modules.data[row * size + col])) mismatches++
    }
  }
  return { size, mismatches }
}
