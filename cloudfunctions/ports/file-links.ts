import type { Evidence } from '../../src/domain/evidence.schema'

// Links that open one evidence file for a short while, made for a whole case page at once: on the
// local host they are signed /files/<token> paths (no I/O), in CloudBase they are temporary
// download URLs the storage service hands out — one request per page, not one per file.
/** Where the local host serves /files/<token>: the signer's links and the route agree on it. */
export const FILES_PATH = '/files/'

export interface FileLinks {
  /**
   * evidence id → a link valid for `ttlMs` from `now`. An item the store has no bytes for may be
   * left out (the view then shows the file without a link) instead of failing the whole page.
   */
  urlsFor(evidence: readonly Evidence[], now: Date, ttlMs: number): Promise<Map<string, string>>
}
