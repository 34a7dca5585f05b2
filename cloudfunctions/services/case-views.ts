import type { Case, CaseEvent, Complainant } from '../../src/domain/case.schema'
import type { CaseDetail, CaseSummary } from '../../src/domain/case-view.schema'
import type { CaseClock } from '../../src/domain/clocks/case-clock'
import { clockView, nextStepForConsumer, runningClocks, soonest } from '../../src/domain/clocks/clock-view'
import type { EvidenceView } from '../../src/domain/evidence.schema'
import { maskName, maskPhone } from '../../src/domain/phone'
import { describeDetails } from '../../src/domain/workflow/event-details'
import { mayVisitBack } from '../../src/domain/workflow/return-visit-rule'
import { availableActions } from '../../src/domain/workflow/state-machine'
import { fastTrackOf } from '../../src/domain/workflow/fast-track'
import { acceptanceOwed, type ActorRole } from '../../src/domain/workflow/transitions'
import { clockFacts } from '../../src/domain/workflow/suspension-facts'
import { transferFacts } from '../../src/domain/workflow/transfer'
import type { Deps } from './context'
import { evidenceViewsFor } from './evidence/evidence-links'

const EXCERPT_LENGTH = 40

/**
 * full: the filer on their own device, and station staff; masked: anyone holding only the case
 * number and code; merchant: the shop — masked unless the consumer opted in to share the phone,
 * and nothing at all about a reporter.
 */
export type ComplainantVisibility = 'full' | 'masked' | 'merchant'

/** The first words of a description, on one line (a list's excerpt). */
export function excerptOf(description: string): string {
  const text = description.replace(/\s+/g, ' ')
  return text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH)}…` : text
}

// Views drop what no viewer may see (filedBy, idempotency key, digests, query code).
export function toCaseSummary(c: Case, clocks: readonly CaseClock[] = [], now?: Date): CaseSummary {
  const next = now ? soonest(clocks) : null
  return {
    id: c.id,
    caseNo: c.caseNo,
    kind: c.kind,
    status: c.status,
    merchantName: c.merchantName,
    excerpt: excerptOf(c.description),
    createdAt: c.createdAt,
    nextDue: next && now ? clockView(next, now) : null,
  }
}

function complainantFor(c: Case, visibility: ComplainantVisibility): Complainant | null {
  const person = c.complainant
  if (!person || visibility === 'full') return person
  if (visibility === 'merchant' && c.kind === 'report') return null
  const phone = visibility === 'merchant' && c.sharePhoneWithMerchant ? person.phone : maskPhone(person.phone)
  return { name: maskName(person.name), phone, address: person.address ? '（已隐藏）' : '' }
}

export interface DetailParts {
  events: CaseEvent[]
  evidence: EvidenceView[]
  clocks: CaseClock[]
  now: Date
  visibility: ComplainantVisibility
  /** the role the viewer acts as, or null for a viewer who may only look */
  actor: ActorRole | null
  /** who exactly is looking (staff id): a return visit is not offered to whoever closed the case */
  viewerId?: string
}

export function toCaseDetail(c: Case, p: DetailParts): CaseDetail {
  const attachedLater = new Set(p.events.flatMap((e) => e.attachments))
  return {
    ...toCaseSummary(c, p.clocks, p.now),
    description: c.description,
    problemType: c.problemType,
    industry: c.industry,
    demands: c.demands,
    amountFen: c.amountFen,
    product: c.product,
    purchaseTime: c.purchaseTime,
    complainant: complainantFor(c, p.visibility),
    evidence: p.evidence.filter((f) => !attachedLater.has(f.id)),
    timeline: p.events.map((e) => ({
      seq: e.seq,
      type: e.type,
      at: e.at,
      note: e.note,
      details: e.details,
      detailText: e.details ? describeDetails(e.details) : null,
      actorRole: e.actor.role,
      attachments: e.attachments.flatMap((id) => p.evidence.filter((f) => f.id === id)),
    })),
    outcome: c.outcome,
    completionKind: c.completionKind,
    onSitePending: c.onSitePending,
    satisfaction: c.satisfaction,
    nextStep: nextStepForConsumer(p.clocks),
    clocks: runningClocks(p.clocks).map((k) => clockView(k, p.now)),
    actions: p.actor
      ? availableActions(c, p.actor, {
          acceptanceOwed: acceptanceOwed(p.events),
          fastTrack: fastTrackOf(p.events),
          transfer: transferFacts(p.events),
          ...clockFacts(p.events, p.clocks),
        }).filter((a) => a !== 'returnVisit' || !p.viewerId || mayVisitBack(p.events, p.viewerId))
      : [],
  }
}

/** Everything a case page shows, with short-lived links to its files. */
export async function loadCaseDetail(
  deps: Deps,
  c: Case,
  visibility: ComplainantVisibility,
  actor: ActorRole | null,
  viewerId?: string,
): Promise<CaseDetail> {
  const now = deps.clock.now()
  const [events, files, clocks] = await Promise.all([
    deps.store.listEvents(c.id),
    deps.store.listEvidenceOfCase(c.id),
    deps.store.listClocksOfCase(c.id),
  ])
  const evidence = await evidenceViewsFor(deps, files, now)
  return toCaseDetail(c, { events, evidence, clocks, now, visibility, actor, viewerId })
}

/** Summaries with each case's soonest running clock (a board's "what is due next"). */
export async function loadSummaries(deps: Deps, cases: readonly Case[]): Promise<CaseSummary[]> {
  const now = deps.clock.now()
  const clocks = await deps.store.listClocksOfCases(cases.map((c) => c.id))
  return cases.map((c) =>
    toCaseSummary(
      c,
      clocks.filter((k) => k.caseId === c.id),
      now,
    ),
  )
}
