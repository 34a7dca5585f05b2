import type { ConsultSummary, ConsultView } from '../../src/domain/consult/consult-consumer-api'
import { CONSULT_STATUS_LABELS, type Consultation } from '../../src/domain/consult/consultation.schema'
import type { Evidence } from '../../src/domain/evidence.schema'
import { maskName, maskPhone } from '../../src/domain/phone'
import type { Caller } from '../../src/domain/identity'
import type { Deps } from './context'
import { evidenceViewsFor } from './evidence/evidence-links'

// What people see of a consultation. The asker sees their own words and contact; a lookup by number
// and query code (any device, maybe a shared one) sees the contact masked; the station sees it whole.

const EXCERPT = 40
const excerpt = (text: string) => (text.length > EXCERPT ? `${text.slice(0, EXCERPT)}…` : text)

export async function consultSummaries(deps: Deps, items: readonly Consultation[]): Promise<ConsultSummary[]> {
  const sites = new Map<string, string>()
  for (const id of new Set(items.map((c) => c.siteId))) sites.set(id, (await deps.store.getSite(id))?.name ?? '')
  return items.map((c) => summaryOf(c, sites.get(c.siteId) ?? ''))
}

function summaryOf(c: Consultation, siteName: string): ConsultSummary {
  return {
    id: c.id,
    consultNo: c.consultNo,
    kind: 'consultation',
    status: c.status,
    statusLabel: CONSULT_STATUS_LABELS[c.status],
    siteName,
    merchantName: c.merchantName,
    excerpt: excerpt(c.question),
    createdAt: c.createdAt,
    caseNo: c.caseNo,
  }
}

export async function consultView(deps: Deps, c: Consultation, contact: 'full' | 'masked'): Promise<ConsultView> {
  const [summary] = await consultSummaries(deps, [c])
  const files: Evidence[] = []
  for (const id of c.evidenceIds) {
    const e = await deps.store.getEvidence(id)
    if (e) files.push(e) // a file the cleanup removed is left out, never an error
  }
  const merchant = c.merchantId ? await deps.store.getMerchant(c.merchantId) : null
  return {
    ...summary,
    question: c.question,
    contact: c.contact && contact === 'masked' ? { name: maskName(c.contact.name), phone: maskPhone(c.contact.phone) } : c.contact,
    evidence: await evidenceViewsFor(deps, files, deps.clock.now()),
    reply: c.reply ? { text: c.reply.text, at: c.reply.at, entryId: c.reply.entryId } : null,
    closedAt: c.closedAt,
    caseId: c.caseId,
    merchantCode: merchant?.code ?? null,
    version: c.version,
  }
}

/** Staff of the consultation's own site (or a regulator over every site, or over that one). Never a shop. */
export function staffMaySee(caller: Caller, c: Pick<Consultation, 'siteId'>): boolean {
  const staff = caller.staff
  if (!staff) return false
  if (staff.role === 'station') return staff.siteId === c.siteId
  if (staff.role === 'regulator') return staff.siteId === null || staff.siteId === c.siteId
  return false
}
