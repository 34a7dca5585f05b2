import { call } from '../../../api'
import type { Result } from '../../../domain/errors'
import { downloadFailure, fetchCloudFile, openCloudFile } from '../cloud-file'

// The letter's PDF on the mini-program (docs/analysis-letters.md): there is no host route to open, so the
// station function makes the file into CloudBase storage (station.letterPdf) and answers a link for a few
// minutes; it is fetched with Taro.downloadFile and opened with Taro.openDocument, whose menu prints,
// forwards or saves it, and the stored copy is discarded. Every failure is a Chinese sentence the panel shows.

const DOWNLOAD_FAILED = '分析建议书下载失败，请检查网络后重试'
const LINK_EXPIRED = '下载链接已失效，请重新生成'
const OPEN_FAILED = '分析建议书已下载，但手机无法打开它，请在电脑端的维权站工作台打印'

const WORDS = { downloadFailed: DOWNLOAD_FAILED, linkExpired: LINK_EXPIRED }

/** Make, fetch and open the shop's letter of `quarter`; the error (if any) is the function's or one above. */
export async function openLetterPdf(merchantId: string, quarter: string): Promise<Result<string>> {
  const made = await call('station', 'letterPdf', { merchantId, quarter })
  if (!made.ok) return made
  const fetched = await fetchCloudFile(made.data.url, WORDS)
  if (!fetched.ok) return fetched
  // the phone has it now: the copy in storage goes at once, as exports do (a failure leaves it to the lifecycle rule)
  void call('station', 'discardExport', { name: made.data.name })
  return (await openCloudFile(fetched.data, 'pdf')) ? { ok: true, data: made.data.fileName } : downloadFailure(OPEN_FAILED)
}
