import type { Result } from '../../../domain/errors'

// How a file the server makes reaches the staff member, with progress. Taro picks the platform file:
// the H5 build resolves download.h5.ts (fetch + a ReadableStream reader, then a save). This file is the
// shared type and what the mini-program gets: it has no host to stream from — a cloud function would
// write the file to storage and answer a temporary link for Taro.downloadFile (onProgressUpdate). That
// function is not built yet (docs/exports-and-reports.md, "What is left"), so the page says where to
// export instead. Platform files must use `import type` from here.

export interface DownloadProgress {
  /** bytes received so far */
  bytes: number
  /** rows received so far (CSV only: one case per line), null when the format does not tell */
  rows: number | null
  /** rows in the whole file (the server's X-Export-Rows), null when not told */
  total: number | null
}

export interface Downloaded {
  fileName: string
  bytes: number
}

export type Download = (path: string, onProgress: (p: DownloadProgress) => void) => Promise<Result<Downloaded>>

export type SitesResult = Result<{ id: string; name: string }[]>

export const EXPORT_ON_DESK_ONLY = '小程序内暂不能导出，请在电脑上登录维权站工作台导出'
const notHere = { ok: false as const, error: { code: 'NETWORK_ERROR' as const, message: EXPORT_ON_DESK_ONLY } }

export const download: Download = async () => notHere
export async function loadSites(): Promise<SitesResult> {
  return notHere
}
