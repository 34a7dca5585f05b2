import type { Evidence, EvidenceView } from '../../../src/domain/evidence.schema'
import { fail, ok, type Result } from '../../../src/domain/errors'
import type { Deps } from '../context'

// Evidence is shown through links that open one file for ten minutes. A link is handed only to a
// viewer who may see the case (the caller of evidenceViewFor decides that); whoever holds the link
// may open the file until it expires, so links are short-lived and never stored.

export const LINK_TTL_MS = 10 * 60 * 1000
export const FILES_PATH = '/files/'

/** What a viewer sees of one file, with a fresh link valid for ten minutes from `now`. */
export function evidenceViewFor(deps: Pick<Deps, 'links'>, evidence: Evidence, now: Date): EvidenceView {
  const token = deps.links.sign(evidence.id, new Date(now.getTime() + LINK_TTL_MS))
  return {
    id: evidence.id,
    kind: evidence.kind,
    mime: evidence.mime,
    bytes: evidence.bytes,
    sha256: evidence.sha256,
    displayName: evidence.displayName,
    url: FILES_PATH + token,
  }
}

export interface OpenedEvidence {
  evidence: Evidence
  bytes: Uint8Array
}

/** The file a link names, when the link is genuine and unexpired; otherwise FILE_LINK_EXPIRED. */
export async function openEvidenceLink(
  deps: Pick<Deps, 'links' | 'store' | 'files' | 'clock'>,
  token: string,
): Promise<Result<OpenedEvidence>> {
  const id = deps.links.verify(token, deps.clock.now())
  if (!id) return fail('FILE_LINK_EXPIRED')
  const evidence = await deps.store.getEvidence(id)
  if (!evidence) return fail('FILE_LINK_EXPIRED')
  const bytes = await deps.files.get(evidence.storageKey)
  // a row whose bytes are gone answers like a bad link: the viewer can do nothing different
  if (!bytes) return fail('FILE_LINK_EXPIRED')
  return ok({ evidence, bytes })
}
