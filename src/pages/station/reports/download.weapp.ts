import { call } from '../../../api'
import { fail, type Result } from '../../../domain/errors'
import type { Downloaded, DownloadProgress, SitesResult } from './download'
import { exportAction, type ExportRequest } from './export-request'
import { downloadFailure, fetchCloudFile, openCloudFile } from '../cloud-file'

// The mini-program has no host to stream from (docs/cloud-exports.md): the station function makes the
// file, puts it into CloudBase storage and answers a link for ten minutes. Here that file is fetched with
// Taro.downloadFile (its onProgressUpdate moves the bar) and opened with Taro.openDocument, whose menu
// forwards or saves it. While the function works the page says 正在生成 (no bytes to count yet). Once
// the file is on the phone, the stored copy is discarded (station.discardExport).

const DOWNLOAD_FAILED = '文件下载失败，请检查网络后重试'
const LINK_EXPIRED = '下载链接已失效，请重新导出'
const OPEN_FAILED = '文件已下载，但手机无法打开它，请在电脑上导出'
const CSV_NOT_OPENED = '手机上不能打开CSV文件，请选择Excel（XLSX）格式'

const WORDS = { downloadFailed: DOWNLOAD_FAILED, linkExpired: LINK_EXPIRED }

export async function download(request: ExportRequest, onProgress: (p: DownloadProgress) => void): Promise<Result<Downloaded>> {
  if (request.job === 'cases' && request.format === 'csv') return downloadFailure(CSV_NOT_OPENED)
  onProgress({ stage: 'making', bytes: 0, rows: null, total: null })
  const { action, input } = exportAction(request)
  const made = await call('station', action, input)
  if (!made.ok) return made
  const file = made.data
  const fetched = await fetchCloudFile(file.url, WORDS, (bytes, expected) =>
    onProgress({ stage: 'receiving', bytes, rows: null, total: file.rows, expectedBytes: expected > 0 ? expected : file.bytes }),
  )
  if (!fetched.ok) return fetched
  // the phone has it now: the copy in storage goes at once (a failure here leaves it to the lifecycle rule)
  void call('station', 'discardExport', { name: file.name })
  if (file.fileType === 'csv') return fail('INTERNAL') // never asked for (above); the type says it could be
  if (!(await openCloudFile(fetched.data, file.fileType))) return downloadFailure(OPEN_FAILED)
  return { ok: true, data: { fileName: file.fileName, bytes: file.bytes, opened: true, part: file.part } }
}

export async function loadSites(): Promise<SitesResult> {
  return call('station', 'exportSites', {})
}
