import { z } from 'zod'

// One CloudBase environment's storage, reduced to what the evidence adapters need, over
// @cloudbase/node-sdk. Every answer is checked with zod: the SDK throws on a top-level
// { code, message } only while its global throwOnCode is on, and per-file codes never throw.
//
// A fileID is `cloud://<env>.<bucket>/<path>`. The bucket part cannot be derived from the env id,
// so it is learnt once per container from getUploadMetadata for a fixed path — that call only signs
// an upload (nothing is written) and answers the fileId the path would get, the same value the SDK's
// own uploadFile returns. Nothing to configure, and a wrong bucket cannot creep in.

/** The SDK's CloudBase app, by the shape we use (tcb.init(...) fits it; tests pass the same). */
export interface CloudbaseStorageApi {
  uploadFile(options: { cloudPath: string; fileContent: Buffer }): Promise<unknown>
  getTempFileURL(options: { fileList: { fileID: string; maxAge: number }[] }): Promise<unknown>
  deleteFile(options: { fileList: string[] }): Promise<unknown>
  getUploadMetadata(options: { cloudPath: string }): Promise<unknown>
}

export type ObjectRead = { status: 'found'; bytes: Uint8Array } | { status: 'missing' } | { status: 'too-large' }

export interface CloudbaseStorage {
  fileIdOf(path: string): Promise<string>
  /** the path inside our bucket, or null for a fileID of another env or bucket */
  pathOf(fileId: string): Promise<string | null>
  upload(path: string, bytes: Uint8Array): Promise<void>
  /** the bytes, read no further than maxBytes */
  read(fileId: string, maxBytes: number): Promise<ObjectRead>
  /** gone afterwards; a file that was never there is fine */
  remove(fileId: string): Promise<void>
  /** fileID → temporary download URL; files that do not exist are left out */
  tempUrls(fileIds: readonly string[], maxAgeS: number): Promise<Map<string, string>>
}

const PROBE_PATH = 'evidence/.bucket-probe'
const NONEXIST = 'STORAGE_FILE_NONEXIST'
const URLS_PER_CALL = 50 // getTempFileURL refuses longer lists (INVALID_PARAM)
const READ_URL_MAX_AGE_S = 60 // the function fetches at once

const MetadataAnswer = z.object({ data: z.object({ fileId: z.string().startsWith('cloud://') }) })
const UploadAnswer = z.object({ fileID: z.string() })
const UrlAnswer = z.object({ fileList: z.array(z.object({ fileID: z.string(), code: z.string(), tempFileURL: z.string().optional() })) })
const DeleteAnswer = z.object({ fileList: z.array(z.object({ fileID: z.string(), code: z.string() })) })

function parsed<T>(schema: z.ZodType<T>, answer: unknown, what: string): T {
  const result = schema.safeParse(answer)
  if (result.success) return result.data
  const code = (answer as { code?: unknown } | null)?.code
  throw new Error(`CloudBase storage ${what}: unexpected answer${code ? ` (${String(code)})` : ''}`)
}

export function cloudbaseStorage(app: CloudbaseStorageApi): CloudbaseStorage {
  let prefix: Promise<string> | undefined
  const bucketPrefix = (): Promise<string> => {
    const pending = (prefix ??= app.getUploadMetadata({ cloudPath: PROBE_PATH }).then((answer) => {
      const { fileId } = parsed(MetadataAnswer, answer, 'getUploadMetadata').data
      if (!fileId.endsWith(`/${PROBE_PATH}`)) throw new Error('CloudBase storage: the probe fileId does not end in its path')
      return fileId.slice(0, -PROBE_PATH.length)
    }))
    pending.catch(() => (prefix = undefined)) // try again on the next call
    return pending
  }

  async function urlItems(fileIds: readonly string[], maxAgeS: number) {
    const items: z.infer<typeof UrlAnswer>['fileList'] = []
    for (let at = 0; at < fileIds.length; at += URLS_PER_CALL) {
      const fileList = fileIds.slice(at, at + URLS_PER_CALL).map((fileID) => ({ fileID, maxAge: maxAgeS }))
      items.push(...parsed(UrlAnswer, await app.getTempFileURL({ fileList }), 'getTempFileURL').fileList)
    }
    return items
  }

  return {
    fileIdOf: async (path) => (await bucketPrefix()) + path,

    async pathOf(fileId) {
      const base = await bucketPrefix()
      return fileId.startsWith(base) ? fileId.slice(base.length) : null
    },

    async upload(path, bytes) {
      const expected = (await bucketPrefix()) + path
      const fileContent = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) // the SDK wants a Buffer
      const { fileID } = parsed(UploadAnswer, await app.uploadFile({ cloudPath: path, fileContent }), 'uploadFile')
      if (fileID !== expected) throw new Error('CloudBase storage: the upload landed in another bucket')
    },

    async read(fileId, maxBytes) {
      const [item] = await urlItems([fileId], READ_URL_MAX_AGE_S)
      if (item?.code === NONEXIST) return { status: 'missing' }
      if (item?.code !== 'SUCCESS' || !item.tempFileURL) throw new Error(`CloudBase storage getTempFileURL: ${item?.code ?? 'no answer'}`)
      // the SDK's downloadFile reads the same URL, but buffers without a limit and reports a missing
      // object only as an error message: this reads it with a cap and tells "missing" apart
      return readCapped(encodeURI(item.tempFileURL), maxBytes)
    },

    async remove(fileId) {
      const answer = parsed(DeleteAnswer, await app.deleteFile({ fileList: [fileId] }), 'deleteFile')
      const failed = answer.fileList.find((f) => f.code !== 'SUCCESS' && f.code !== NONEXIST)
      if (failed || answer.fileList.length === 0) throw new Error(`CloudBase storage deleteFile: ${failed?.code ?? 'no answer'}`)
    },

    async tempUrls(fileIds, maxAgeS) {
      const items = await urlItems(fileIds, maxAgeS)
      return new Map(items.flatMap((i) => (i.code === 'SUCCESS' && i.tempFileURL ? [[i.fileID, i.tempFileURL] as const] : [])))
    },
  }
}

/** GET a temporary URL, giving up (and closing the body) as soon as it is bigger than `cap`. */
async function readCapped(url: string, cap: number): Promise<ObjectRead> {
  const response = await fetch(url)
  if (response.status === 404) {
    await response.body?.cancel()
    return { status: 'missing' }
  }
  if (!response.ok || !response.body) throw new Error(`CloudBase storage: download answered ${response.status}`)
  if (Number(response.headers.get('content-length') ?? 0) > cap) {
    await response.body.cancel()
    return { status: 'too-large' }
  }
  const chunks: Uint8Array[] = []
  let size = 0
  const reader = response.body.getReader()
  for (let part = await reader.read(); !part.done; part = await reader.read()) {
    size += part.value.length
    if (size > cap) {
      await reader.cancel()
      return { status: 'too-large' }
    }
    chunks.push(part.value)
  }
  return { status: 'found', bytes: new Uint8Array(Buffer.concat(chunks)) }
}
