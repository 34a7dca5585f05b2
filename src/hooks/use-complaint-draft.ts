import { useCallback, useEffect, useRef, useState } from 'react'
import type { MerchantEntry } from '../domain/merchant.schema'
import {
  appendSpoken,
  clearDraft,
  loadDraft,
  newIdempotencyKey,
  saveDraft,
  type Draft,
  type DraftFields,
  type EvidenceEntry,
} from './complaint-draft'

// The draft behind one complaint form, kept in storage as it changes. `scope` names the draft (the
// shop's code, 'search' or 'proxy'). Every update is functional: uploads report progress long
// after the render that started them, and must not overwrite what the person typed since.
export function useComplaintDraft(scope: string) {
  const [draft, setDraft] = useState<Draft>(() => loadDraft(scope))
  const [loadedFor, setLoadedFor] = useState(scope)
  const discarded = useRef(false)

  // another scope (a new scan while the page is open): switch to that draft
  useEffect(() => {
    if (scope === loadedFor) return
    discarded.current = false
    setLoadedFor(scope)
    setDraft(loadDraft(scope))
  }, [scope, loadedFor])

  useEffect(() => {
    // after a confirmed submission nothing may write the draft back
    if (scope === loadedFor && !discarded.current) saveDraft(scope, draft)
  }, [draft, scope, loadedFor])

  const setField = useCallback(<K extends keyof DraftFields>(key: K, value: DraftFields[K]) => {
    setDraft((d) => ({ ...d, fields: { ...d.fields, [key]: value } }))
  }, [])

  const patchFields = useCallback((patch: Partial<DraftFields>) => {
    setDraft((d) => ({ ...d, fields: { ...d.fields, ...patch } }))
  }, [])

  /** Voice input: the segment's text after whatever the person has typed by the time it arrives. */
  const appendToDescription = useCallback((spoken: string) => {
    setDraft((d) => ({ ...d, fields: { ...d.fields, description: appendSpoken(d.fields.description, spoken) } }))
  }, [])

  const updateEvidence = useCallback((change: (list: EvidenceEntry[]) => EvidenceEntry[]) => {
    setDraft((d) => ({ ...d, evidence: change(d.evidence) }))
  }, [])

  /** Choosing a shop also picks its industry line, unless the person already chose one. */
  const setShop = useCallback((shop: MerchantEntry | null) => {
    setDraft((d) => ({
      ...d,
      shop,
      fields: shop && !d.fields.industry ? { ...d.fields, industry: shop.merchant.industry } : d.fields,
    }))
  }, [])

  /** After IDEMPOTENCY_CONFLICT: the old key belongs to a case with other content; start a new one. */
  const renewKey = useCallback(() => setDraft((d) => ({ ...d, idempotencyKey: newIdempotencyKey() })), [])

  const discard = useCallback(() => {
    discarded.current = true
    clearDraft(scope)
  }, [scope])

  return { draft, setField, patchFields, appendToDescription, updateEvidence, setShop, renewKey, discard }
}

export type ComplaintDraftApi = ReturnType<typeof useComplaintDraft>
