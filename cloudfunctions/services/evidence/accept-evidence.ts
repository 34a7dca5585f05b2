import { createHash } from 'node:crypto'
import {
  EVIDENCE_KINDS,
  EVIDENCE_RULES,
  type Evidence,
  type EvidenceKind,
  type EvidenceMime,
  type EvidenceView,
} from '../../../src/domain/evidence.schema'
import { fail, ok, type Result } from '../../../src/domain/errors'
import { withoutUnreadable } from '../../../src/domain/input-text'
import type { ImageFormat } from '../../ports/media'
import type { Deps, ServiceContext } from '../context'
import { mp4DurationSeconds } from './mp4-duration'
import { sniffMime } from './sniff-mime'
import { stripMpegTags, stripWavChunks } from './strip-audio-tags'
import { stripMovieMetadata } from './strip-movie-metadata'

// Taking in one evidence file: who sent it, what it really is (by its bytes), whether its kind
// allows that type and size, and a clean copy without the metadata that can say where the shopper
// lives: photos re-encoded without EXIF/GPS, videos without their location boxes, recordings
// without their tags. The stored copy is what the SHA-256 covers.

export interface EvidenceUpload {
  kind: EvidenceKind
  /** the uploader's own file name: shown, never used to name or type anything */
  fileName: string
  bytes: Uint8Array
}

/** Big enough for any phone camera (a 200 MP sensor bins to ≤ 50 MP), small enough to stop a bomb. */
const MAX_INPUT_PIXELS = 40_000_000
/** Recorders stop "at 60 s" and containers round up: a second of slack, no more. */
const DURATION_SLACK_S = 1
const MAX_DISPLAY_NAME = 80

const EXTENSIONS: Record<EvidenceMime, readonly string[]> = {
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
  'image/webp': ['.webp'],
  'video/mp4': ['.mp4', '.m4v'],
  'video/quicktime': ['.mov'],
  'audio/mpeg': ['.mp3'],
  'audio/mp4': ['.m4a', '.m4b'],
  'audio/aac': ['.aac'],
  'audio/wav': ['.wav'],
  'audio/amr': ['.amr'],
  'application/pdf': ['.pdf'],
}

const MOVIE_MIMES: readonly EvidenceMime[] = ['video/mp4', 'video/quicktime']

export async function acceptEvidence(ctx: ServiceContext, upload: EvidenceUpload): Promise<Result<EvidenceView>> {
  const subject = ctx.caller.subject
  if (!subject) return fail('UNAUTHENTICATED')
  if (!EVIDENCE_KINDS.includes(upload.kind)) return fail('VALIDATION_FAILED', { kind: '请选择证据类型' })
  const rule = EVIDENCE_RULES[upload.kind]
  if (upload.bytes.length > rule.maxBytes) return fail('FILE_TOO_LARGE')
  const mime = sniffMime(upload.bytes)
  if (!mime || !rule.mimes.includes(mime)) return fail('UNSUPPORTED_FILE_TYPE')

  if (rule.maxDurationS !== undefined && MOVIE_MIMES.includes(mime)) {
    const seconds = mp4DurationSeconds(upload.bytes)
    if (seconds === null) return fail('UNSUPPORTED_FILE_TYPE') // a length we cannot read is not under the cap
    if (seconds > rule.maxDurationS + DURATION_SLACK_S) return fail('VIDEO_TOO_LONG')
  }
  const stored = await cleanCopy(ctx.deps, upload.bytes, mime)
  if (!stored || stored.length === 0) return fail('UNSUPPORTED_FILE_TYPE')

  const { deps } = ctx
  const evidence: Evidence = {
    id: deps.ids.newId(),
    caseId: null,
    uploadedBy: subject,
    kind: upload.kind,
    mime,
    bytes: stored.length,
    sha256: createHash('sha256').update(stored).digest('hex'),
    storageKey: (deps.files.keyPrefix ?? '') + newStorageKey(deps.secrets.randomBytes(16)),
    displayName: cleanDisplayName(upload.fileName, upload.kind, mime),
    createdAt: deps.clock.now().toISOString(),
  }
  await deps.files.put(evidence.storageKey, stored)
  try {
    await deps.store.saveEvidence(evidence)
  } catch (error) {
    await deps.files.remove(evidence.storageKey).catch(() => undefined) // no orphan bytes
    throw error
  }
  const { id, kind, bytes, sha256, displayName } = evidence
  return ok({ id, kind, mime, bytes, sha256, displayName, url: null })
}

/** The bytes to keep: the file without its metadata, or null when it cannot be cleaned (then refused). */
async function cleanCopy(deps: Deps, bytes: Uint8Array, mime: EvidenceMime): Promise<Uint8Array | null> {
  switch (mime) {
    case 'image/jpeg':
      return cleanImage(deps, bytes, 'jpeg')
    case 'image/png':
      return cleanImage(deps, bytes, 'png')
    case 'image/webp':
      return cleanImage(deps, bytes, 'webp')
    case 'video/mp4':
    case 'video/quicktime':
    case 'audio/mp4':
      return stripMovieMetadata(bytes)
    case 'audio/mpeg':
    case 'audio/aac':
      return stripMpegTags(bytes)
    case 'audio/wav':
      return stripWavChunks(bytes)
    case 'audio/amr': // a header and speech frames: nowhere to put metadata
      return bytes
    case 'application/pdf': // its document properties stay; /files/ serves it as a download, never inline
      return bytes
  }
}

/**
 * The photo decoded and encoded again in its own format, upright and without EXIF, GPS, XMP or ICC.
 * The decoder must agree with the magic numbers, and the pixel count is checked from the header
 * before anything is decoded. A pixel bomb, a corrupt or truncated image comes back as null.
 */
async function cleanImage(deps: Deps, bytes: Uint8Array, format: ImageFormat): Promise<Uint8Array | null> {
  const info = await deps.images.probe(bytes)
  if (!info || info.format !== format || info.width * info.height > MAX_INPUT_PIXELS) return null
  return deps.images.reencode(bytes, format, { maxInputPixels: MAX_INPUT_PIXELS })
}

/** 128 random bits as lower-case hex: nothing of the uploader's input reaches a file path. */
function newStorageKey(random: Uint8Array): string {
  return Array.from(random, (b) => b.toString(16).padStart(2, '0')).join('')
}

// C0/C1 controls, zero-width and bidi-override characters ("invoice\u202Efdp.exe" reads as .pdf)
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g

/**
 * The uploader's name made safe to show and to offer as a download name: last path segment only,
 * no controls, no "..", no leading/trailing dots, ending in the extension of the real type,
 * at most 80 characters; `照片.jpg`-style when nothing is left.
 */
export function cleanDisplayName(raw: string, kind: EvidenceKind, mime: EvidenceMime): string {
  const accepted = EXTENSIONS[mime]
  const segment =
    withoutUnreadable(String(raw ?? '')) // lone surrogates and U+FFFE/FFFF too: shown only, so stripped, not refused
      .normalize('NFC')
      .replace(INVISIBLE, '')
      .split(/[\\/]/)
      .pop() ?? ''
  let name = segment
    .replace(/\.{2,}/g, '.')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+|[.\s]+$/g, '')
  if (!name) return EVIDENCE_RULES[kind].label + accepted[0]
  let ending = accepted.find((ext) => name.toLowerCase().endsWith(ext))
  if (!ending) {
    ending = accepted[0]
    name += ending
  }
  const chars = Array.from(name) // by code point, so no emoji or rare character is cut in half
  if (chars.length <= MAX_DISPLAY_NAME) return name
  const stem = chars
    .slice(0, MAX_DISPLAY_NAME - ending.length)
    .join('')
    .replace(/[.\s]+$/, '')
  return stem + name.slice(name.length - ending.length)
}
