import { fail, type Result } from '../../../domain/errors'
import { readEnvelope } from '../../../api/envelope'
import type { Downloaded, DownloadProgress, SitesResult } from './download'
import { exportPath, type ExportRequest } from './export-request'

// H5: the local host's GET /export/… routes with the staff session cookie. The body is read chunk by
// chunk (fetch's ReadableStream), so the bar moves while the server is still writing later pages; the
// file is then handed to the browser's own download (an <a download> over a Blob).
const API_BASE = process.env.TARO_APP_API_BASE || ''
const NEWLINE = 10

/** The name from Content-Disposition (filename*=UTF-8''…), else the given fallback. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')
  if (star) {
    try {
      return decodeURIComponent(star[1])
    } catch {
      return fallback
    }
  }
  return /filename="([^"]+)"/i.exec(disposition ?? '')?.[1] ?? fallback
}

async function failureOf(response: Response): Promise<Result<never>> {
  try {
    const envelope = readEnvelope(await response.json())
    return envelope.ok ? fail('INTERNAL') : envelope
  } catch {
    return fail('NETWORK_ERROR')
  }
}

export async function download(request: ExportRequest, onProgress: (p: DownloadProgress) => void): Promise<Result<Downloaded>> {
  let response: Response
  try {
    response = await fetch(API_BASE + exportPath(request), { credentials: 'same-origin' })
  } catch {
    return fail('NETWORK_ERROR')
  }
  if (!response.ok || !response.body) return failureOf(response)
  const totalHeader = response.headers.get('x-export-rows')
  const total = totalHeader === null ? null : Number(totalHeader)
  const csv = (response.headers.get('content-type') ?? '').startsWith('text/csv')
  const reader = response.body.getReader()
  const parts: Uint8Array[] = []
  let bytes = 0
  let lines = 0
  onProgress({ bytes, rows: csv ? 0 : null, total })
  try {
    for (let part = await reader.read(); !part.done; part = await reader.read()) {
      parts.push(part.value)
      bytes += part.value.length
      if (csv) for (const b of part.value) if (b === NEWLINE) lines++
      // the header line is not a case
      onProgress({ bytes, rows: csv ? Math.max(0, lines - 1) : null, total })
    }
  } catch {
    return fail('NETWORK_ERROR') // the server broke the download off: never save half a file as whole
  }
  const fileName = fileNameOf(response.headers.get('content-disposition'), 'export')
  const url = URL.createObjectURL(
    new Blob(parts as BlobPart[], { type: response.headers.get('content-type') ?? 'application/octet-stream' }),
  )
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000) // the browser has taken the file long before
  return { ok: true, data: { fileName, bytes } }
}

export async function loadSites(): Promise<SitesResult> {
  try {
    const response = await fetch(`${API_BASE}/export/sites`, { credentials: 'same-origin' })
    const envelope = readEnvelope(await response.json())
    return envelope.ok ? { ok: true, data: envelope.data as { id: string; name: string }[] } : envelope
  } catch {
    return fail('NETWORK_ERROR')
  }
}
