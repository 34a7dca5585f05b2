import type { Case, CaseEvent, Complainant } from '../../src/domain/case.schema'
import type { CaseDetail, CaseSummary } from '../../src/domain/case-view.schema'
import type { EvidenceView } from '../../src/domain/evidence.schema'
import { maskName, maskPhone } from '../../src/domain/phone'
import type { Deps } from './context'
import { evidenceViewFor } from './evidence/evidence-links'

const EXCERPT_LENGTH = 40

/** full: the filer on their own device; masked: anyone holding only the case number and code. */
export type ComplainantVisibility = 'full' | 'masked'

// Views drop what no viewer may see (filedBy, idempotency key, digests, query code).
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

function complainantFor(c: Complainant | null, visibility: ComplainantVisibility): Complainant | null {
  if (!c || visibility === 'full') return c
  return { name: maskName(c.name), phone: maskPhone(c.phone), address: c.address ? '（已隐藏）' : '' }
}

export function toCaseDetail(c: Case, events: CaseEvent[], evidence: EvidenceView[], visibility: ComplainantVisibility): CaseDetail {
  return {
    ...toCaseSummary(c),
    description: c.description,
    problemType: c.problemType,
    industry: c.industry,
    demands: c.demands,
    amountFen: c.amountFen,
    product: c.product,
    purchaseTime: c.purchaseTime,
    complainant: complainantFor(c.complainant, visibility),
    evidence,
    timeline: events.map((e) => ({ seq: e.seq, type: e.type, at: e.at, note: e.note, actorRole: e.actor.role })),
  }
}

/** Everything a case page shows, with short-lived links to its files. */
export async function loadCaseDetail(deps: Deps, c: Case, visibility: ComplainantVisibility): Promise<CaseDetail> {
  const now = deps.clock.now()
  const [events, files] = await Promise.all([deps.store.listEvents(c.id), deps.store.listEvidenceOfCase(c.id)])
  return toCaseDetail(c, events, files.map((f) => evidenceViewFor(deps, f, now)), visibility)
}
