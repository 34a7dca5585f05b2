import Taro from '@tarojs/taro'
import { UPLOAD_PATH } from '../domain/api/form-action-schemas'
import type { AppError, Result } from '../domain/errors'
import type { EvidenceKind, EvidenceView } from '../domain/evidence.schema'
import { call } from './call'
import type { LocalFile, UploadEvidence } from './upload'

// WeChat: the phone puts the file into CloudBase storage itself (Taro.cloud.uploadFile, with
// progress), then consumer.registerUpload takes it in: the function reads it, runs the same checks
// as the local host's upload route (type from the bytes, caps, photos re-encoded without EXIF/GPS),
// keeps a clean copy as the caller's evidence and deletes the original. The platform vouches for
// the caller's OPENID on that call, which is what ties the file to this person.
//
// Available wherever the client has cloud storage (every WeChat with wx.cloud); a client without it
// gets the notice instead of a control that cannot work.
export const uploadAvailable: boolean = typeof Taro.cloud?.uploadFile === 'function'
export const UPLOAD_UNAVAILABLE_NOTICE = '当前微信版本不支持上传，请更新微信，或在提交后到服务台补充证据'

const UPLOAD_FAILED = '上传没有成功，请检查网络后重试'
const REGISTER_FAILED = '文件没有保存成功，请重试'
const CANCELLED: Result<never> = { ok: false, error: { code: 'BAD_REQUEST', message: '已取消上传' } }

/** Photos are shrunk on the phone (WeChat re-encodes them). */
export async function prepareFile(file: LocalFile, kind: EvidenceKind): Promise<LocalFile> {
  const path = file.path
  if (!path || !file.type.startsWith('image/') || (kind !== 'photo' && kind !== 'receipt')) return file
  try {
    const { tempFilePath } = await Taro.compressImage({ src: path, quality: 80 })
    return { ...file, path: tempFilePath, type: 'image/jpeg' } // size stays the original's: display only
  } catch {
    return file // the original is sent; the server still checks its size
  }
}

// transport.weapp.ts inits on the first function call, but an upload may come before any call.
// Repeating init with the same options is harmless.
let cloudReady = false
function ensureCloud(): void {
  if (cloudReady) return
  Taro.cloud.init({ env: process.env.TARO_APP_CLOUD_ENV || undefined, traceUser: true })
  cloudReady = true
}

/**
 * 128 bits for the path: the fileId is all the function gets to know whose upload this is, so it
 * must not be guessable. WeChat's getRandomValues is a CSPRNG; a client too old for it falls back
 * to Math.random, which is unpredictable to anyone but this phone (the object lives seconds).
 */
async function randomHex(bytes: number): Promise<string> {
  const hex = (values: ArrayLike<number>) => Array.from(values, (b) => b.toString(16).padStart(2, '0')).join('')
  if (typeof Taro.getRandomValues === 'function') {
    try {
      const secure = await new Promise<ArrayBuffer>((resolve, reject) => {
        void Taro.getRandomValues({ length: bytes, success: (res) => resolve(res.randomValues), fail: reject })?.catch?.(reject)
      })
      if (secure.byteLength === bytes) return hex(new Uint8Array(secure))
    } catch {
      // fall through
    }
  }
  return hex(Array.from({ length: bytes }, () => Math.floor(Math.random() * 256)))
}

/** `file.<ext>` from the local name: lower-case letters and digits only, or `bin`. */
function cloudPathFor(random: string, file: LocalFile): string {
  const source = file.name.includes('.') ? file.name : (file.path ?? '')
  const ext = source.slice(source.lastIndexOf('.') + 1).toLowerCase()
  const path = `uploads/${random}/file.${/^[a-z0-9]{1,8}$/.test(ext) ? ext : 'bin'}`
  return UPLOAD_PATH.test(path) ? path : `uploads/${random}/file.bin`
}

/** The server's own words for what it refused; a plain "try again" for what went wrong on the way. */
function registerError(error: AppError): AppError {
  const transient = error.code === 'NETWORK_ERROR' || error.code === 'INTERNAL' || error.code === 'VALIDATION_FAILED'
  return transient ? { code: error.code, message: REGISTER_FAILED } : error
}

export const uploadEvidence: UploadEvidence = (file, kind, onProgress) => {
  let task: Taro.UploadTask | undefined
  let aborted = false

  const upload = (cloudPath: string, filePath: string) =>
    new Promise<string | null>((resolve) => {
      task = Taro.cloud.uploadFile({
        cloudPath,
        filePath,
        success: (res) => resolve(res.fileID),
        fail: () => resolve(null),
      })
      // 99 at most until the function has taken the file in; the form shows done then
      task?.onProgressUpdate?.((res) => onProgress(Math.min(99, Math.max(0, Math.round(res.progress)))))
    })

  const done = (async (): Promise<Result<EvidenceView>> => {
    if (!file.path) return { ok: false, error: { code: 'EVIDENCE_NOT_FOUND', message: '找不到这个文件，请重新选择' } }
    try {
      ensureCloud()
      const cloudPath = cloudPathFor(await randomHex(16), file)
      if (aborted) return CANCELLED
      const fileId = await upload(cloudPath, file.path)
      if (aborted) return CANCELLED
      if (!fileId) return { ok: false, error: { code: 'NETWORK_ERROR', message: UPLOAD_FAILED } }
      const registered = await call('consumer', 'registerUpload', { fileId, kind, displayName: file.name })
      if (aborted) return CANCELLED
      return registered.ok ? registered : { ok: false, error: registerError(registered.error) }
    } catch {
      return { ok: false, error: { code: 'NETWORK_ERROR', message: UPLOAD_FAILED } }
    }
  })()

  return {
    done,
    abort: () => {
      aborted = true
      task?.abort()
    },
  }
}
