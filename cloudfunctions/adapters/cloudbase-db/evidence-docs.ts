import { EvidenceSchema, type Evidence } from '../../../src/domain/evidence.schema'
import { utc } from './doc-codec'
import { parseDoc } from './doc-reads'

// An uploaded file's row as a document in COLLECTIONS.evidence: the domain Evidence's own fields,
// _id = its id. Shared by the evidence store (uploads, quota, cleanup) and the case store, which
// claims files inside createCase / applyChange by setting `caseId` on these documents.
//
// The fields the queries use, and their meaning:
//   caseId     null until a case claims the file (never absent: `where({ caseId: null })` is how the
//              cleanup finds unclaimed files, and a claim is `caseId: null` → the case's id)
//   uploadedBy whose upload it is: a claim takes only the claimer's own files
//   createdAt  fixed-width UTC (doc-codec utc()), so ranges and orderBy compare as time

export interface EvidenceDoc {
  _id: string
  caseId: string | null
  uploadedBy: string
  kind: Evidence['kind']
  mime: Evidence['mime']
  bytes: number
  sha256: string
  storageKey: string
  displayName: string
  createdAt: string
}

/** The document written for a file (insert it with add(); its _id is the evidence id). */
export function evidenceToDoc(e: Evidence): EvidenceDoc {
  return {
    _id: e.id,
    caseId: e.caseId,
    uploadedBy: e.uploadedBy,
    kind: e.kind,
    mime: e.mime,
    bytes: e.bytes,
    sha256: e.sha256,
    storageKey: e.storageKey,
    displayName: e.displayName,
    createdAt: utc(e.createdAt),
  }
}

/** A document read back, validated as the domain's Evidence. */
export function toEvidence(doc: Record<string, unknown> & { _id: string }): Evidence {
  return parseDoc(EvidenceSchema, doc)
}

/**
 * Whether a case may claim this file for `uploadedBy`: it exists, it is that subject's own upload,
 * and no case has claimed it yet. The case store reads each document through its transaction, checks
 * this, then writes `{ caseId }` with tx.collection(COLLECTIONS.evidence).doc(id).update(); any file
 * that fails it means AppFailure(EVIDENCE_NOT_FOUND) and nothing written (as the SQL store).
 */
export function isClaimableBy(doc: (Record<string, unknown> & { _id: string }) | null, uploadedBy: string): boolean {
  return doc !== null && doc.uploadedBy === uploadedBy && (doc.caseId === null || doc.caseId === undefined)
}
