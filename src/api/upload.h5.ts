import { appError, ERROR_CATALOGUE, type Result } from '../domain/errors'
import { EvidenceViewSchema, type EvidenceKind, type EvidenceView } from '../domain/evidence.schema'
import { parseWith } from '../domain/validation'
import { readEnvelope } from './envelope'
import type { LocalFile, UploadEvidence } from './upload'

// H5: one multipart POST per file. XMLHttpRequest rather than fetch because only XHR reports upload
// progress. The text field `kind` goes first: the server reads it before streaming the file.
const API_BASE = process.env.TARO_APP_API_BASE || ''

export const uploadAvailable: boolean = true
export const UPLOAD_UNAVAILABLE_NOTICE = ''

export async function prepareFile(file: LocalFile, kind: EvidenceKind): Promise<LocalFile> {
  if (kind !== 'photo' && kind !== 'receipt') return file
  // loaded with the first photo, not with the complaint page (docs/first-page.md); if that chunk cannot
  // arrive (network gone) the photo goes as it is, and the upload itself says what went wrong
  const compress = await import('./compress-image.h5').then(
    (m) => m.compressImage,
    () => null,
  )
  return compress ? compress(file) : file
}

/** A proxy or gateway may answer 413/415 with its own HTML page: the status still says what went wrong. */
function fromStatus(status: number): Result<EvidenceView> {
  if (status === 413) return { ok: false, error: appError('FILE_TOO_LARGE') }
  if (status === 415) return { ok: false, error: appError('UNSUPPORTED_FILE_TYPE') }
  return { ok: false, error: appError(status === 0 || status >= 500 ? 'NETWORK_ERROR' : 'INTERNAL') }
}

function readAnswer(xhr: XMLHttpRequest): Result<EvidenceView> {
  let json: unknown
  try {
    json = JSON.parse(xhr.responseText)
  } catch {
    return fromStatus(xhr.status)
  }
  const result = readEnvelope(json)
  if (!result.ok) return result
  const view = parseWith(EvidenceViewSchema, result.data)
  return view.ok ? view : { ok: false, error: { code: 'INTERNAL', message: ERROR_CATALOGUE.INTERNAL.message } }
}

export const uploadEvidence: UploadEvidence = (file, kind, onProgress) => {
  const xhr = new XMLHttpRequest()
  const done = new Promise<Result<EvidenceView>>((resolve) => {
    if (!file.blob) {
      resolve({ ok: false, error: appError('EVIDENCE_NOT_FOUND') })
      return
    }
    const form = new FormData()
    form.append('kind', kind)
    form.append('file', file.blob, file.name)
    xhr.open('POST', API_BASE + '/upload/evidence')
    xhr.withCredentials = true // the device-token cookie ties the file to this phone's submission
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(Math.min(99, Math.round((event.loaded / event.total) * 100)))
    }
    xhr.onload = () => resolve(readAnswer(xhr))
    xhr.onerror = () => resolve({ ok: false, error: appError('NETWORK_ERROR') })
    xhr.ontimeout = () => resolve({ ok: false, error: appError('NETWORK_ERROR') })
    xhr.onabort = () => resolve({ ok: false, error: { code: 'BAD_REQUEST', message: '已取消上传' } })
    xhr.send(form)
  })
  return { done, abort: () => xhr.abort() }
}
