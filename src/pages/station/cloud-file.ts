import Taro from '@tarojs/taro'
import type { Result } from '../../domain/errors'

// A file the station function put into CloudBase storage, on the mini-program (docs/cloud-exports.md): fetched
// from its ten-minute link with Taro.downloadFile and opened with Taro.openDocument, whose menu prints,
// forwards or saves it. Shared by 导出与报表 and the analysis letter; each says its own words on failure.
// In the station subpackage, so the main package does not carry it.

export interface CloudFileWords {
  /** the network failed */
  downloadFailed: string
  /** the link answered anything but 200: it expired */
  linkExpired: string
}

export const downloadFailure = (message: string): Result<never> => ({ ok: false, error: { code: 'NETWORK_ERROR', message } })

/** The file's local path; `onProgress` hears the bytes as they arrive (written, expected when known). */
export function fetchCloudFile(
  url: string,
  words: CloudFileWords,
  onProgress?: (written: number, expected: number) => void,
): Promise<Result<string>> {
  return new Promise((resolve) => {
    const task = Taro.downloadFile({
      url,
      success: (res) => resolve(res.statusCode === 200 ? { ok: true, data: res.tempFilePath } : downloadFailure(words.linkExpired)),
      fail: () => resolve(downloadFailure(words.downloadFailed)),
    })
    if (onProgress) task?.onProgressUpdate?.((p) => onProgress(p.totalBytesWritten, p.totalBytesExpectedToWrite))
  })
}

/** Whether the phone could open it. */
export function openCloudFile(filePath: string, fileType: 'xlsx' | 'pdf'): Promise<boolean> {
  return new Promise((resolve) => {
    void Taro.openDocument({ filePath, fileType, showMenu: true, success: () => resolve(true), fail: () => resolve(false) })
  })
}
