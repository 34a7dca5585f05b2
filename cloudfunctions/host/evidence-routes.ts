import fastifyMultipart from '@fastify/multipart'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { EVIDENCE_KINDS, EVIDENCE_RULES, MAX_EVIDENCE_BYTES, type EvidenceKind } from '../../src/domain/evidence.schema'
import { fail, ok, type Result } from '../../src/domain/errors'
import type { Deps } from '../services/context'
import { acceptEvidence, type EvidenceUpload } from '../services/evidence/accept-evidence'
import { openEvidenceLink } from '../services/evidence/evidence-links'
import { resolveCaller } from '../services/resolve-caller'
import { deviceSubject } from './device-identity'
import { handleHttpError, sendResult } from './http-errors'
import { sendTooMany } from './rate-limits'
import { STAFF_COOKIE } from './staff-session-routes'
import { belowFreeSpaceFloor, checkUploadQuota, DEFAULT_UPLOAD_QUOTA, type UploadQuota } from './upload-guards'

// Evidence over HTTP on the local host.
//
// POST /upload/evidence — multipart/form-data with, IN THIS ORDER:
//   kind: photo | video | audio | receipt   (a text field; it MUST come before the file)
//   file: the file                          (exactly one)
// The kind comes first so its size cap applies while the file streams in: a photo is never
// buffered past 15 MB just because videos may be 60 MB. Answers the EvidenceView envelope.
//
// GET /files/<token> — the bytes behind a signed ten-minute link (see evidence-links.ts). Photos and
// videos open in the browser; everything else (PDF, recordings) is a download, so a crafted file is
// never rendered on our origin. Every answer, found or not, is sandboxed by its CSP and nosniff.

export interface EvidenceRouteOptions {
  secureCookies: boolean
  /** files and bytes per device per hour (upload-guards.ts) */
  uploadQuota?: UploadQuota
  /** the files folder and the free space below which no upload is taken; no floor when unset */
  freeSpaceFloor?: { dir: string; minFreeBytes: number }
}

// @fastify/multipart ignores Fastify's bodyLimit: every limit is set here, explicitly.
const UPLOAD_LIMITS = { fileSize: MAX_EVIDENCE_BYTES, files: 1, fields: 4, fieldSize: 1024, parts: 6, headerPairs: 20 }
const KIND_MESSAGE = '请选择证据类型：照片、视频、录音或票据'
const FILE_MESSAGE = '请选择要上传的文件'

export async function registerEvidenceRoutes(app: FastifyInstance, deps: Deps, opts: EvidenceRouteOptions) {
  // A scope of its own, so the multipart parser exists only on these routes.
  await app.register(async (scope) => {
    scope.setErrorHandler(handleHttpError)
    // throwFileSizeLimit: false — we look at `truncated` ourselves and answer FILE_TOO_LARGE
    await scope.register(fastifyMultipart, { limits: UPLOAD_LIMITS, throwFileSizeLimit: false })

    scope.post('/upload/evidence', async (request, reply) => {
      const subject = await deviceSubject(deps, request, reply, opts.secureCookies)
      if (subject === null) return sendResult(reply, fail('DEVICE_ROTATED'))
      const caller = await resolveCaller(deps, { subject, staffSessionToken: request.cookies[STAFF_COOKIE] })
      // refused before the body is read, so a device over its quota or a full disk costs no bytes
      const floor = opts.freeSpaceFloor
      if (floor && (await belowFreeSpaceFloor(floor.dir, floor.minFreeBytes))) return sendResult(reply, fail('STORAGE_FULL'))
      const quota = opts.uploadQuota ?? DEFAULT_UPLOAD_QUOTA
      const before = await checkUploadQuota(deps, quota, subject, 0)
      if (!before.ok) return sendTooMany(reply, before.retryAfterS, before.message)
      const upload = await readUpload(request)
      if (!upload.ok) return sendResult(reply, upload)
      const after = await checkUploadQuota(deps, quota, subject, upload.data.bytes.length)
      if (!after.ok) return sendTooMany(reply, after.retryAfterS, after.message)
      return sendResult(reply, await acceptEvidence({ caller, deps }, upload.data))
    })

    // a wildcard, not `:token`: tokens outgrow the router's 100-character limit on params
    scope.get<{ Params: { '*': string } }>('/files/*', async (request, reply) => {
      // the stored type is the sniffed one: browsers must not guess another
      reply.header('content-security-policy', FILES_CSP).header('x-content-type-options', 'nosniff')
      const opened = await openEvidenceLink(deps, request.params['*'])
      if (!opened.ok) return sendResult(reply, opened) // forged or expired: 404, as if nothing were there
      const { evidence, bytes } = opened.data
      return sendFile(reply, evidence.mime, evidence.displayName, bytes)
    })
  })
}

type FileStream = AsyncIterable<Buffer> & { truncated?: boolean }

/**
 * The kind and the one file from the multipart body. The body is read to its end before answering
 * (so limit errors the parser raises after the file are seen, and the client gets an answer, not a
 * reset). Whatever the parser throws is the client's doing: a coded 4xx.
 */
async function readUpload(request: FastifyRequest): Promise<Result<EvidenceUpload>> {
  let kind: EvidenceKind | null = null
  let upload: Result<EvidenceUpload> | null = null
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (part.fieldname === 'kind' && !upload) kind = asKind(part.value)
        continue
      }
      const cap = kind && part.fieldname === 'file' ? EVIDENCE_RULES[kind].maxBytes : 0
      const bytes = await readCapped(part.file, cap) // with cap 0 this only drains the part
      if (!kind) upload = fail('VALIDATION_FAILED', { kind: KIND_MESSAGE })
      else if (part.fieldname !== 'file') upload = fail('VALIDATION_FAILED', { file: FILE_MESSAGE })
      else upload = bytes ? ok({ kind, fileName: part.filename, bytes }) : fail('FILE_TOO_LARGE')
    }
  } catch (error) {
    request.log.info({ err: error }, 'refused an upload body')
    return multipartFailure(error)
  }
  return upload ?? fail('VALIDATION_FAILED', kind ? { file: FILE_MESSAGE } : { kind: KIND_MESSAGE, file: FILE_MESSAGE })
}

function asKind(value: unknown): EvidenceKind | null {
  return typeof value === 'string' && (EVIDENCE_KINDS as readonly string[]).includes(value) ? (value as EvidenceKind) : null
}

/**
 * All of the file, or null when it is bigger than `cap` or the parser cut it at its own limit
 * (`truncated`: the parser's toBuffer would hand back the cut file as if it were whole).
 * Reads to the end either way, so the client gets its answer instead of a reset.
 */
async function readCapped(stream: FileStream, cap: number): Promise<Uint8Array | null> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of stream) {
    size += chunk.length
    if (size <= cap) chunks.push(chunk)
    else chunks.length = 0
  }
  if (size > cap || stream.truncated) return null
  return Buffer.concat(chunks)
}

function multipartFailure(error: unknown): Result<never> {
  const code = (error as { code?: unknown } | null)?.code
  if (code === 'FST_REQ_FILE_TOO_LARGE') return fail('FILE_TOO_LARGE')
  if (code === 'FST_FILES_LIMIT') return fail('TOO_MANY_FILES')
  return fail('BAD_REQUEST') // not multipart, no boundary, too many parts or fields, cut short…
}

// Only what the browser shows as a picture or a player is opened inline. A PDF can carry scripts
// and links, and an audio file "sniffed" into something else must not run on our origin: downloads.
const INLINE = /^(image|video)\//
/**
 * Opened directly, the browser wraps a photo or a video in a document of its own; this is that
 * document's policy. No request but the file itself; the sandbox withholds scripts, forms, popups
 * and plugins but keeps the origin (allow-same-origin, harmless without allow-scripts), which
 * Chromium needs to play a video from its own URL (an opaque origin makes it a blocked CORS load).
 * Its viewers centre pictures with inline styles, hence style-src. Checked by hand in Chromium: a
 * photo and a video show; with a bare `sandbox` or no media-src the video stays black.
 */
const FILES_CSP = "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox allow-same-origin"

function sendFile(reply: FastifyReply, mime: string, displayName: string, bytes: Uint8Array) {
  return reply
    .header('content-type', mime)
    .header('cache-control', 'private, max-age=600') // as long as the link lives, and never in shared caches
    .header('referrer-policy', 'no-referrer') // links inside a PDF must not carry the token away
    .header('content-disposition', contentDisposition(INLINE.test(mime) ? 'inline' : 'attachment', displayName))
    .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
}

/** RFC 6266 + RFC 5987: an ASCII fallback name, and the real (Chinese) name percent-encoded. */
function contentDisposition(type: 'inline' | 'attachment', name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, '_')
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`
}
