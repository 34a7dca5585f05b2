import type { FileLinks } from '../../ports/file-links'
import type { LinkSigner } from '../../ports/files'
import { FILES_PATH } from '../../ports/file-links'

// The local host's links: /files/<token>, an HMAC over (evidence id, expiry) that the host's
// GET /files/* checks. Nothing is stored and nothing is asked of the disk, so a whole page's
// links cost nothing; an item whose bytes are gone still gets one and answers "expired" when opened.
export function signedFileLinks(signer: LinkSigner): FileLinks {
  return {
    async urlsFor(evidence, now, ttlMs) {
      const expiresAt = new Date(now.getTime() + ttlMs)
      return new Map(evidence.map((e) => [e.id, FILES_PATH + signer.sign(e.id, expiresAt)]))
    },
  }
}
