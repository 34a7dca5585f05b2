import Taro from '@tarojs/taro'
import { call } from '../../../api'
import type { ConsultView } from '../../../domain/consult/consult-consumer-api'
import { complaintSeedOf } from '../../../domain/consult/consult-life'
import { emptyDraft, saveDraft, type EvidenceEntry } from '../../../hooks/complaint-draft'
import { PAGES, withQuery } from '../../routes'

// 转为投诉, the person's half: the complaint form opens prefilled with the consultation's words and
// files (and their contact, if they left one); they check it, complete it and submit it themselves.
// Which consultation waits for its complaint is kept on the phone until the complaint is filed, then
// linked (linkPendingConversion, called with the new case by the filing page).
const PENDING = 'kuaisu:consult-conversion'

export function startConversion(view: ConsultView): void {
  const seed = complaintSeedOf({ id: view.id, question: view.question, evidenceIds: view.evidence.map((e) => e.id), merchantId: null })
  const draft = emptyDraft()
  draft.fields.description = seed.description
  if (view.contact) {
    draft.fields.name = view.contact.name
    draft.fields.phone = view.contact.phone
  }
  draft.evidence = seed.evidenceIds
    .flatMap((id) => view.evidence.filter((e) => e.id === id))
    .map((e): EvidenceEntry => ({
      localId: `consult-${e.id}`,
      kind: e.kind,
      name: e.displayName,
      size: e.bytes,
      mime: e.mime,
      id: e.id,
      status: 'done',
    }))
  // the filing page keeps one draft per scanned shop, one for "find the shop by name"
  const scope = view.merchantCode ?? 'search'
  saveDraft(scope, draft)
  try {
    Taro.setStorageSync(PENDING, { consultationId: view.id })
  } catch {
    // no storage: the complaint is still filed; the consultation just stays unlinked
  }
  void Taro.navigateTo({ url: view.merchantCode ? withQuery(PAGES.complain, { m: view.merchantCode }) : PAGES.complain })
}

/** After a filing: the consultation that asked for it (if any) learns its complaint. */
export async function linkPendingConversion(caseId: string): Promise<void> {
  let pending: unknown
  try {
    pending = Taro.getStorageSync(PENDING)
  } catch {
    return
  }
  const consultationId = typeof pending === 'object' && pending !== null ? (pending as { consultationId?: unknown }).consultationId : null
  if (typeof consultationId !== 'string') return
  const linked = await call('consumer', 'linkConsultationCase', { consultationId, caseId })
  // linked, or refused for good (not converted, already linked): nothing left to wait for
  if (linked.ok || linked.error.code !== 'NETWORK_ERROR') {
    try {
      Taro.removeStorageSync(PENDING)
    } catch {
      // leaves a stale marker; the next filing's link is refused and clears it
    }
  }
}
