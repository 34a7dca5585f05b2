import type { Result } from '../../../domain/errors'
import type { ExportRequest } from './export-request'

// How a file the server makes reaches the staff member, with progress. Taro picks the platform file:
// the H5 build resolves download.h5.ts (the host's GET /export/… streamed: fetch + a ReadableStream
// reader, then a save); the mini-program resolves download.weapp.ts (the station function makes the file
// into CloudBase storage and answers a temporary link: Taro.downloadFile with onProgressUpdate, then
// Taro.openDocument; docs/cloud-exports.md). This file is the shared type and what any other build
// gets. Platform files must use `import type` from here.

export interface DownloadProgress {
  /** making: the server is writing the file (no byte has come yet); receiving: bytes are arriving */
  stage?: 'making' | 'receiving'
  /** bytes received so far */
  bytes: number
  /** rows received so far (CSV only: one case per line), null when the format does not tell */
  rows: number | null
  /** rows in the whole file (the server's X-Export-Rows, or the function's count), null when not told */
  total: number | null
  /** the file's size when known before it arrives (the mini-program's download tells it) */
  expectedBytes?: number | null
}

export interface Downloaded {
  fileName: string
  bytes: number
  /** the mini-program opened the file (Taro.openDocument) rather than saving it */
  opened?: boolean
  /** one of several files of a range too large for one cloud file: which, of how many, the range's cases */
  part?: { index: number; of: number; total: number; until: string }
}

export type Download = (request: ExportRequest, onProgress: (p: DownloadProgress) => void) => Promise<Result<Downloaded>>

export type SitesResult = Result<{ id: string; name: string }[]>

export const EXPORT_ON_DESK_ONLY = '这里暂不能导出，请在电脑上登录维权站工作台导出'
const notHere = { ok: false as const, error: { code: 'NETWORK_ERROR' as const, message: EXPORT_ON_DESK_ONLY } }

export const download: Download = async () => notHere
export async function loadSites(): Promise<SitesResult> {
  return notHere
}
