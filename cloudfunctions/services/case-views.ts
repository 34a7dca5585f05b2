import type { Case, CaseEvent } from '../../src/domain/case.schema'
import type { CaseDetail, CaseSummary } from '../../src/domain/case-view.schema'

const EXCERPT_LENGTH = 40

// Views drop what no viewer may see (filedBy, idempotency key, version).
export function toCaseSummary(c: Case): CaseSummary {
  const text = c.description.replace(/\s+/g, ' ')
  return {
    id: c.id,
    caseNo: c.caseNo,
    kind: c.kind,
    status: c.status,
    merchantName: c.merchantName,
    excerpt: text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH)}…` : text,
    createdAt: c.createdAt,
  }
}

export function toCaseDetail(c: Case, events: CaseEvent[]): CaseDetail {
  return {
    ...toCaseSummary(c),
    description: c.description,
    timeline: events.map((e) => ({ seq: e.seq, type: e.type, at: e.at, note: e.note, actorRole: e.actor.role })),
  }
}
