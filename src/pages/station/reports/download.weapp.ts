import Taro from '@tarojs/taro'
import { call } from '../../../api'
import { fail, type Result } from '../../../domain/errors'
import type { ExportFile } from '../../../domain/exports/export-api'
import type { Downloaded, DownloadProgress, SitesResult } from './download'
import { exportAction, type ExportRequest } from './export-request'

// The mini-program has no host to stream from (docs/cloud-exports.md): the station function makes the
// file, puts it into CloudBase storage and answers a link for ten minutes. Here that file is fetched with
// Taro.downloadFile (its onProgressUpdate moves the bar) and opened with Taro.openDocument, whose menu
// forwards or saves it. While the function works the page says 正在生成 (no bytes to count yet). Once
// the file is on the phone, the stored copy is discarded (station.discardExport).

const DOWNLOAD_FAILED = '文件下载失败，请检查网络后重试'
const LINK_EXPIRED = '下载链接已失效，请重新导出'
const OPEN_FAILED = '文件已下载，但手机无法打开它，请在电脑上导出'
const CSV_NOT_OPENED = '手机上不能打开CSV文件，请选择Excel（XLSX）格式'

const failed = (message: string): Result<never> => ({ ok: false, error: { code: 'NETWORK_ERROR', message } })

function fetchFile(file: ExportFile, onProgress: (p: DownloadProgress) => void): Promise<Result<string>> {
  return new Promise((resolve) => {
    const task = Taro.downloadFile({
      url: file.url,
      success: (res) => resolve(res.statusCode === 200 ? { ok: true, data: res.tempFilePath } : failed(LINK_EXPIRED)),
      fail: () => resolve(failed(DOWNLOAD_FAILED)),
    })
    task?.onProgressUpdate?.((p) =>
      onProgress({
        stage: 'receiving',
        bytes: p.totalBytesWritten,
        rows: null,
        total: file.rows,
        expectedBytes: p.totalBytesExpectedToWrite > 0 ? p.totalBytesExpectedToWrite : file.bytes,
      }),
    )
  })
}

function openFile(filePath: string, fileType: 'xlsx' | 'pdf'): Promise<boolean> {
  return new Promise((resolve) => {
    void Taro.openDocument({ filePath, fileType, showMenu: true, success: () => resolve(true), fail: () => resolve(false) })
  })
}

export async function download(request: ExportRequest, onProgress: (p: DownloadProgress) => void): Promise<Result<Downloaded>> {
  if (request.job === 'cases' && request.format === 'csv') return failed(CSV_NOT_OPENED)
  onProgress({ stage: 'making', bytes: 0, rows: null, total: null })
  const { action, input } = exportAction(request)
  const made = await call('station', action, input)
  if (!made.ok) return made
  const file = made.data
  const fetched = await fetchFile(file, onProgress)
  if (!fetched.ok) return fetched
  // the phone has it now: the copy in storage goes at once (a failure here leaves it to the lifecycle rule)
  void call('station', 'discardExport', { name: file.name })
  if (file.fileType === 'csv') return fail('INTERNAL') // never asked for (above); the type says it could be
  if (!(await openFile(fetched.data, file.fileType))) return failed(OPEN_FAILED)
  return { ok: true, data: { fileName: file.fileName, bytes: file.bytes, opened: true } }
}

export async function loadSites(): Promise<SitesResult> {
  return call('station', 'exportSites', {})
}
