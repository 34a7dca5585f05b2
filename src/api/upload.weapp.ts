import Taro from '@tarojs/taro'
import type { Result } from '../domain/errors'
import type { EvidenceKind, EvidenceView } from '../domain/evidence.schema'
import type { LocalFile, UploadEvidence } from './upload'

// WeChat: evidence goes through CloudBase storage (Taro.cloud.uploadFile) plus a register action,
// and that action does not exist yet. A plain Taro.uploadFile to the self-hosted server would not
// carry the caller's OPENID, so the server could not tie the file to the later submission. Until
// the cloud path exists the form says so plainly and the evidence is added at the service desk.
export const uploadAvailable: boolean = false
export const UPLOAD_UNAVAILABLE_NOTICE = '小程序端上传暂未开放，请在提交后到服务台补充证据'

/** Photos are shrunk on the phone (WeChat re-encodes them); ready for when upload opens. */
export async function prepareFile(file: LocalFile, kind: EvidenceKind): Promise<LocalFile> {
  const isImage = file.type.startsWith('image/') && file.path
  if (!isImage || (kind !== 'photo' && kind !== 'receipt')) return file
  try {
    const { tempFilePath } = await Taro.compressImage({ src: file.path!, quality: 80 })
    return { ...file, path: tempFilePath, type: 'image/jpeg' } // size stays the original's: display only
  } catch {
    return file // the original is sent; the server still checks its size
  }
}

export const uploadEvidence: UploadEvidence = () => ({
  done: Promise.resolve<Result<EvidenceView>>({ ok: false, error: { code: 'FORBIDDEN', message: UPLOAD_UNAVAILABLE_NOTICE } }),
  abort: () => undefined,
})
