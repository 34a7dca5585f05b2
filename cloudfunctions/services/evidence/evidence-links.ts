import { CLOUD_STORAGE_KEY_PREFIX, isInCloudStorage, type Evidence, type EvidenceView } from '../../../src/domain/evidence.schema'
import { fail, ok, type Result } from '../../../src/domain/errors'
import type { Deps } from '../context'
import { FILES_PATH } from '../../ports/file-links'

// Evidence is shown through links that open one file for ten minutes. A link is handed only to a
// viewer who may see the case (the caller of evidenceViewFor decides that); whoever holds the link
// may open the file until it expires, so links are short-lived and never stored.

export const LINK_TTL_MS = 10 * 60 * 1000

/** What a viewer sees of one file, with a fresh signed /files/ link valid for ten minutes from `now`. */
export function evidenceViewFor(deps: Pick<Deps, 'links'>, evidence: Evidence, now: Date): EvidenceView {
  return viewOf(evidence, FILES_PATH + deps.links.sign(evidence.id, new Date(now.getTime() + LINK_TTL_MS)))
}

/**
 * What a viewer sees of a case's files, with links valid for ten minutes from `now`, made in one
 * batch by whichever FileLinks the deployment has (signed paths locally, temporary URLs in the cloud).
 * A file without a link is still listed (url null): one missing object must not hide the case.
 */
export async function evidenceViewsFor(deps: Pick<Deps, 'fileLinks'>, evidence: readonly Evidence[], now: Date): Promise<EvidenceView[]> {
  if (evidence.length === 0) return [] // no round trip to storage for a case without files
  const urls = await deps.fileLinks.urlsFor(evidence, now, LINK_TTL_MS)
  return evidence.map((e) => viewOf(e, urls.get(e.id) ?? null))
}

function viewOf(evidence: Evidence, url: string | null): EvidenceView {
  const { id, kind, mime, bytes, sha256, displayName } = evidence
  return { id, kind, mime, bytes, sha256, displayName, url }
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
  // a host without CloudBase keys signs links to every file (hybrid-file-links.ts): a file in the cloud says so
  if (isInCloudStorage(evidence) && deps.files.keyPrefix !== CLOUD_STORAGE_KEY_PREFIX) return fail('FILE_IN_CLOUD_STORAGE')
  const bytes = await deps.files.get(evidence.storageKey)
  // a row whose bytes are gone answers like a bad link: the viewer can do nothing different
  if (!bytes) return fail('FILE_LINK_EXPIRED')
  return ok({ evidence, bytes })
}
