import { EVIDENCE_RULES, type EvidenceKind, type EvidenceView } from '../../../src/domain/evidence.schema'
import { fail, type Result } from '../../../src/domain/errors'
import type { UploadedBytes } from '../../ports/uploaded-objects'
import type { ServiceContext } from '../context'
import { acceptEvidence } from './accept-evidence'

// The mini-program's way in: the phone puts the file into cloud storage itself
// (uploads/<128 random bits>/file.<ext>, Taro.cloud.uploadFile) and then names it here. From then
// on it is the same intake as the local host's POST /upload/evidence — acceptEvidence: type from
// the bytes, the kind's caps, photos re-encoded without EXIF/GPS, SHA-256, a random storage key.
//
// Whose file is it? The caller's, because only the caller's phone knows the fileId: 128 random bits
// in the path cannot be guessed, and the object lives only seconds — it is deleted right here,
// whatever happens, so a fileId registers once and a replay finds nothing. Binding the path to the
// caller (a prefix from their OPENID) would need one more round trip (the app never learns its
// OPENID in cloud mode) for no protection a guess-proof, single-use name does not already give.
// What must never happen is naming an object that is NOT an upload — e.g. someone else's stored
// evidence, whose path a temporary link shows: the adapter only reads and deletes under uploads/.

export interface UploadToRegister {
  fileId: string
  kind: EvidenceKind
  /** the name the person's file had: shown, never used to name or type anything */
  displayName: string
}

export async function registerUpload(ctx: ServiceContext, upload: UploadToRegister): Promise<Result<EvidenceView>> {
  if (!ctx.caller.subject) return fail('UNAUTHENTICATED')
  const { uploads } = ctx.deps
  let fetched: UploadedBytes
  try {
    fetched = await uploads.fetch(upload.fileId, EVIDENCE_RULES[upload.kind].maxBytes)
  } finally {
    // The original goes before anything is kept, and also when it is refused or unreadable: it may
    // carry the place the photo was taken. If deleting fails the request fails too (and nothing is
    // kept), rather than report success with a GPS-tagged original still lying in storage.
    await uploads.discard(upload.fileId)
  }
  if (fetched.status === 'missing') return fail('EVIDENCE_NOT_FOUND')
  if (fetched.status === 'too-large') return fail('FILE_TOO_LARGE')
  return acceptEvidence(ctx, { kind: upload.kind, fileName: upload.displayName, bytes: fetched.bytes })
}
