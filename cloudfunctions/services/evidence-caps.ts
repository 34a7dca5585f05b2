import { EVIDENCE_RULES, type Evidence, type EvidenceKind } from '../../src/domain/evidence.schema'
import { fail, ok, type Result } from '../../src/domain/errors'
import type { Deps } from './context'

/**
 * Files a filing names (each once): each must be this uploader's and not yet claimed by a case, else
 * EVIDENCE_NOT_FOUND — someone else's file is "not found", never "forbidden".
 */
export async function ownUnclaimedEvidence(deps: Deps, evidenceIds: readonly string[], uploader: string): Promise<Result<Evidence[]>> {
  const files: Evidence[] = []
  for (const id of new Set(evidenceIds)) {
    const evidence = await deps.store.getEvidence(id)
    if (!evidence || evidence.uploadedBy !== uploader || evidence.caseId !== null) return fail('EVIDENCE_NOT_FOUND')
    files.push(evidence)
  }
  return ok(files)
}

/**
 * Before a case claims files: each must be this uploader's and unclaimed, and each kind within its
 * count (≤ 9 photos, ≤ 3 videos…). The store re-checks ownership atomically when it claims them.
 */
export async function checkEvidenceCaps(deps: Deps, evidenceIds: string[], uploader: string): Promise<Result<true>> {
  const files = await ownUnclaimedEvidence(deps, evidenceIds, uploader)
  if (!files.ok) return files
  const counts: Partial<Record<EvidenceKind, number>> = {}
  for (const { kind } of files.data) counts[kind] = (counts[kind] ?? 0) + 1
  for (const [kind, count] of Object.entries(counts) as [EvidenceKind, number][]) {
    const rule = EVIDENCE_RULES[kind]
    if (count > rule.maxCount) return fail('TOO_MANY_FILES', { evidenceIds: `${rule.label}最多${rule.maxCount}个` })
  }
  return ok(true)
}
