import QRCode from 'qrcode'
import { useEffect, useState } from 'react'

// QR codes drawn in the browser (H5 only: the mini-program prints its own mini-program code).
// SVG, not PNG: it prints sharp at poster size, and the qrcode library makes it without a canvas,
// so the same text gives the same image in any browser — and in a test that checks it.
export const QR_OPTIONS = { type: 'svg', errorCorrectionLevel: 'M', margin: 2 } as const

export async function qrDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, QR_OPTIONS)
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
}

/** '' until the image is ready (a few milliseconds), or when `text` is empty. */
export function useQrDataUrl(text: string): string {
  const [url, setUrl] = useState('')
  useEffect(() => {
    let live = true
    setUrl('')
    if (text) void qrDataUrl(text).then((made) => live && setUrl(made))
    return () => {
      live = false
    }
  }, [text])
  return url
}
