import Taro from '@tarojs/taro'
import { call } from '../../../api'
import type { Result } from '../../../domain/errors'

// The letter's PDF on the mini-program (docs/analysis-letters.md): there is no host route to open, so the
// station function makes the file into CloudBase storage (station.letterPdf) and answers a link for a few
// minutes; it is fetched with Taro.downloadFile and opened with Taro.openDocument, whose menu prints,
// forwards or saves it, and the stored copy is discarded. Every failure is a Chinese sentence the panel shows.

const DOWNLOAD_FAILED = '分析建议书下载失败，请检查网络后重试'
const LINK_EXPIRED = '下载链接已失效，请重新生成'
const OPEN_FAILED = '分析建议书已下载，但手机无法打开它，请在电脑端的维权站工作台打印'

const failed = (message: string): Result<never> => ({ ok: false, error: { code: 'NETWORK_ERROR', message } })

function fetchFile(url: string): Promise<Result<string>> {
  return new Promise((resolve) => {
    void Taro.downloadFile({
      url,
      success: (res) => resolve(res.statusCode === 200 ? { ok: true, data: res.tempFilePath } : failed(LINK_EXPIRED)),
      fail: () => resolve(failed(DOWNLOAD_FAILED)),
    })
  })
}

function openPdf(filePath: string): Promise<boolean> {
  return new Promise((resolve) => {
    void Taro.openDocument({ filePath, fileType: 'pdf', showMenu: true, success: () => resolve(true), fail: () => resolve(false) })
  })
}

/** Make, fetch and open the shop's letter of `quarter`; the error (if any) is the function's or one above. */
export async function openLetterPdf(merchantId: string, quarter: string): Promise<Result<string>> {
  const made = await call('station', 'letterPdf', { merchantId, quarter })
  if (!made.ok) return made
  const fetched = await fetchFile(made.data.url)
  if (!fetched.ok) return fetched
  // the phone has it now: the copy in storage goes at once, as exports do (a failure leaves it to the lifecycle rule)
  void call('station', 'discardExport', { name: made.data.name })
  return (await openPdf(fetched.data)) ? { ok: true, data: made.data.fileName } : failed(OPEN_FAILED)
}
