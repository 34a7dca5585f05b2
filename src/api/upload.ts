import type { Result } from '../domain/errors'
import type { EvidenceKind, EvidenceView } from '../domain/evidence.schema'

// Evidence upload, one file at a time, with progress. Taro picks the platform file at build time:
//   upload.h5.ts → XMLHttpRequest POST /upload/evidence (multipart, progress events)
//   upload.weapp.ts → Taro.cloud.uploadFile into CloudBase storage, then consumer.registerUpload
// This file is the shared type and what any other platform gets. Platform files must use
// `import type` from here: a value import of './upload' would resolve back to themselves.

/** A file the person chose, before upload: a Blob on H5, a temp path in the mini-program. */
export interface LocalFile {
  name: string
  size: number
  /** the declared type; the server decides from the bytes, this only helps us refuse early */
  type: string
  blob?: Blob
  path?: string
}

export interface UploadTask {
  done: Promise<Result<EvidenceView>>
  abort: () => void
}

export type UploadEvidence = (file: LocalFile, kind: EvidenceKind, onProgress: (percent: number) => void) => UploadTask

/** Whether this platform can upload at all; when not, the form says so instead of offering files. */
export const uploadAvailable: boolean = false
export const UPLOAD_UNAVAILABLE_NOTICE = '小程序端上传暂未开放，请在提交后到服务台补充证据'

/** Makes a file ready to send (images are shrunk on the device); never fails — the original is kept. */
export async function prepareFile(file: LocalFile, _kind: EvidenceKind): Promise<LocalFile> {
  return file
}

export const uploadEvidence: UploadEvidence = () => ({
  done: Promise.resolve<Result<EvidenceView>>({ ok: false, error: { code: 'FORBIDDEN', message: UPLOAD_UNAVAILABLE_NOTICE } }),
  abort: () => undefined,
})
