import { useCallback, useEffect, useState } from 'react'
import { clearDraft, loadDraft, newIdempotencyKey, saveDraft, type Draft } from './complaint-draft'

const EMPTY: Draft = { text: '', idempotencyKey: '' }

// The draft of one shop's complaint, kept in storage as it is typed. `merchantCode` is null until
// the shop is known; nothing is read or written before that.
export function useComplaintDraft(merchantCode: string | null) {
  const [draft, setDraft] = useState<Draft>(() => (merchantCode ? loadDraft(merchantCode) : EMPTY))

  // another shop's code (a new scan while the page is open): switch to that shop's draft
  const [loadedFor, setLoadedFor] = useState(merchantCode)
  useEffect(() => {
    if (merchantCode === loadedFor) return
    setLoadedFor(merchantCode)
    setDraft(merchantCode ? loadDraft(merchantCode) : EMPTY)
  }, [merchantCode, loadedFor])

  const update = useCallback(
    (next: Draft) => {
      setDraft(next)
      if (merchantCode) saveDraft(merchantCode, next)
    },
    [merchantCode],
  )

  const setText = useCallback((text: string) => update({ ...draft, text }), [draft, update])

  /** After IDEMPOTENCY_CONFLICT: the old key belongs to a case with other content; start a new one. */
  const renewKey = useCallback(() => update({ ...draft, idempotencyKey: newIdempotencyKey() }), [draft, update])

  const discard = useCallback(() => {
    if (merchantCode) clearDraft(merchantCode)
  }, [merchantCode])

  return { draft, setText, renewKey, discard }
}
