import { useCallback, useState } from 'react'
import type { ActionOutput } from '../domain/api/contract'
import type { Result } from '../domain/errors'
import type { CaseAction } from '../domain/workflow/transitions'

// Taking one step on a case, for any viewer. After a step the page reloads the case (the server's
// view is the truth: status, timeline, clocks, and what may be done next all change together).
// When someone else moved the case first (ILLEGAL_TRANSITION, CONCURRENT_UPDATE) the person is
// told why in the banner and sees the fresh case — their step was not taken.
type Outcome = ActionOutput<'station', 'actOnCase'>
export type Act = (action: CaseAction, reason: string) => Promise<Result<Outcome>>

const STALE = new Set(['ILLEGAL_TRANSITION', 'CONCURRENT_UPDATE', 'CASE_NOT_FOUND'])

export function useCaseAction(act: Act, reload: () => Promise<void>) {
  const [busy, setBusy] = useState<CaseAction | null>(null)
  const [banner, setBanner] = useState('')
  const [done, setDone] = useState('')
  const [fieldError, setFieldError] = useState('')

  /** true when the step was taken (the caller closes its reason form) */
  const run = useCallback(
    async (action: CaseAction, reason: string, doneText: string): Promise<boolean> => {
      if (busy) return false
      setBusy(action)
      setBanner('')
      setDone('')
      setFieldError('')
      const result = await act(action, reason)
      if (result.ok) {
        await reload()
        setBusy(null)
        setDone(doneText)
        return true
      }
      const { error } = result
      // a missing reason comes back as a field error ("请填写原因"): show it under the text box
      const field = error.fields ? (error.fields.reason ?? Object.values(error.fields)[0]) : undefined
      if (field) setFieldError(field)
      else setBanner(error.message)
      if (STALE.has(error.code)) await reload()
      setBusy(null)
      return false
    },
    [act, busy, reload],
  )

  const clearFieldError = useCallback(() => setFieldError(''), [])
  return { run, busy, banner, done, fieldError, setFieldError, clearFieldError }
}
