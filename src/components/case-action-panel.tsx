import { View } from '@tarojs/components'
import { useState } from 'react'
import type { CompletionKind } from '../domain/clocks/clock-rules'
import type { CaseAction } from '../domain/workflow/transitions'
import { useCaseAction, type Act, type CaseStep } from '../hooks/use-case-action'
import { ActionButton } from './action-button'
import { ACTION_LABELS, formOf } from './case-actions'
import { ErrorBanner } from './feedback'
import { StepForm } from './step-form'
import './case-action-panel.scss'

// Exactly the steps the server says this viewer may take now, one button each — never more: a
// button for a step the policy forbids would only produce an error. A step that needs more than a
// tap (a reason, the merchant's offer, a rating, a return visit, the case type) or a second
// thought (撤回) opens its form first, in place of the buttons.
interface Props {
  actions: CaseAction[]
  act: Act
  /** reloads the case after a step (and after someone else's step got in first) */
  reload: () => Promise<void>
  title?: string
  /** the case's current type, preselected when the station accepts */
  completionKind?: CompletionKind
}

export function CaseActionPanel({ actions, act, reload, title = '办理', completionKind = 'ordinary' }: Props) {
  const { run, busy, banner, done, fieldErrors, setFieldErrors, clearFieldErrors } = useCaseAction(act, reload)
  const [open, setOpen] = useState<CaseAction | null>(null)

  const start = (action: CaseAction) => {
    if (formOf(action) === null) {
      void run(action, {}, `已${ACTION_LABELS[action]}`)
      return
    }
    clearFieldErrors()
    setOpen(action)
  }
  const cancel = () => {
    clearFieldErrors()
    setOpen(null)
  }
  const submit = async (action: CaseAction, step: CaseStep) => {
    if (await run(action, step, `已${ACTION_LABELS[action]}`)) setOpen(null)
  }

  // after a stale step the case reloads; a form for a step that is no longer offered must close
  const openAction = open && actions.includes(open) ? open : null
  if (actions.length === 0 && !banner && !done) return null
  return (
    <View className="case-action-panel no-print">
      <View className="case-action-panel__title" role="heading" aria-level={2}>
        {openAction ? ACTION_LABELS[openAction] : title}
      </View>
      <ErrorBanner message={banner} />
      {done ? (
        <View className="case-action-panel__done" role="status">
          {done}
        </View>
      ) : null}
      {openAction ? (
        <StepForm
          action={openAction}
          completionKind={completionKind}
          busy={busy === openAction}
          errors={fieldErrors}
          onErrors={setFieldErrors}
          onSubmit={(step) => void submit(openAction, step)}
          onCancel={cancel}
        />
      ) : (
        <View className="case-action-panel__buttons">
          {actions.map((action, index) => (
            <ActionButton
              key={action}
              label={ACTION_LABELS[action]}
              variant={index === 0 ? 'primary' : 'secondary'}
              busy={busy === action}
              busyText="正在提交…"
              disabled={!!busy && busy !== action}
              onPress={() => start(action)}
            />
          ))}
        </View>
      )}
    </View>
  )
}
