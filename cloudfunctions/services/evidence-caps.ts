import { EVIDENCE_RULES, type EvidenceKind } from '../../src/domain/evidence.schema'
import { fail, ok, type Result } from '../../src/domain/errors'
import type { Deps } from './context'

/**
 * Before a case claims files: each must be this uploader's and unclaimed, and each kind within its
 * count (≤ 9 photos, ≤ 3 videos…). The store re-checks ownership atomically when it claims them.
 */
export async function checkEvidenceCaps(deps: Deps, evidenceIds: string[], uploader: string): Promise<Result<true>> {
  const counts: Partial<Record<EvidenceKind, number>> = {}
  for (const id of new Set(evidenceIds)) {
    const evidence = await deps.store.getEvidence(id)
    if (!evidence || evidence.uploadedBy !== uploader || evidence.caseId !== null) return fail('EVIDENCE_NOT_FOUND')
    counts[evidence.kind] = (counts[evidence.kind] ?? 0) + 1
  }
  for (const [kind, count] of Object.entries(counts) as [EvidenceKind, number][]) {
    const rule = EVIDENCE_RULES[kind]
    if (count > rule.maxCount) return fail('TOO_MANY_FILES', { evidenceIds: `${rule.label}最多${rule.maxCount}个` })
  }
  return ok(true)
}
