import { useCallback, useState } from 'react'
import type { ActionOutput } from '../domain/api/contract'
import type { CompletionKind } from '../domain/clocks/clock-rules'
import type { FieldErrors, Result } from '../domain/errors'
import type { ClientDetails } from '../domain/workflow/event-details'
import type { CaseAction } from '../domain/workflow/transitions'

// Taking one step on a case, for any viewer. After a step the page reloads the case (the server's
// view is the truth: status, timeline, clocks, and what may be done next all change together).
// When someone else moved the case first (ILLEGAL_TRANSITION, CONCURRENT_UPDATE) the person is
// told why in the banner and sees the fresh case — their step was not taken.
type Outcome = ActionOutput<'station', 'actOnCase'>

/** What a step carries besides its name: a reason, the offer / rating / return-visit answers, files. */
export interface CaseStep {
  reason?: string
  details?: ClientDetails | null
  /** evidence ids this person uploaded for the step (the case claims them) */
  attachments?: string[]
  /** station only, on accepting */
  completionKind?: CompletionKind
}

export type Act = (action: CaseAction, step: CaseStep) => Promise<Result<Outcome>>

/** The fields every role's step input shares, with the contract's defaults filled in. */
export const stepFields = (step: CaseStep) => ({
  reason: step.reason ?? '',
  details: step.details ?? null,
  attachments: step.attachments ?? [],
})

const STALE = new Set(['ILLEGAL_TRANSITION', 'CONCURRENT_UPDATE', 'CASE_NOT_FOUND'])

export function useCaseAction(act: Act, reload: () => Promise<void>) {
  const [busy, setBusy] = useState<CaseAction | null>(null)
  const [banner, setBanner] = useState('')
  const [done, setDone] = useState('')
  // keyed like the server's (`reason`, `details.note`, `attachments`…) so a form puts each one
  // under the field it is about, whether it came from the form's own checks or from the server
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({})

  /** true when the step was taken (the caller closes its form) */
  const run = useCallback(
    async (action: CaseAction, step: CaseStep, doneText: string): Promise<boolean> => {
      if (busy) return false
      setBusy(action)
      setBanner('')
      setDone('')
      setFieldErrors({})
      const result = await act(action, step)
      if (result.ok) {
        await reload()
        setBusy(null)
        setDone(doneText)
        return true
      }
      const { error } = result
      if (error.fields && Object.keys(error.fields).length > 0) setFieldErrors(error.fields)
      else setBanner(error.message)
      if (STALE.has(error.code)) await reload()
      setBusy(null)
      return false
    },
    [act, busy, reload],
  )

  const clearFieldErrors = useCallback(() => setFieldErrors({}), [])
  return { run, busy, banner, done, fieldErrors, setFieldErrors, clearFieldErrors }
}
