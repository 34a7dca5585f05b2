import { View } from '@tarojs/components'
import { useState } from 'react'
import type { CompletionKind } from '../domain/clocks/clock-rules'
import type { CaseAction } from '../domain/workflow/transitions'
import { useCaseAction, type Act, type CaseStep } from '../hooks/use-case-action'
import { ActionButton } from './action-button'
import { describeDetails } from '../domain/workflow/event-details'
import { ACTION_LABELS, consequenceOf, doneTextOf, formOf } from './case-actions'
import { ConfirmDialog } from './confirm-dialog'
import { ErrorBanner } from './feedback'
import { StepForm } from './step-form'
import './case-action-panel.scss'

// Exactly the steps the server says this viewer may take now, one button each — never more: a
// button for a step the policy forbids would only produce an error. A step that needs more than a
// tap (a reason, the merchant's offer, a rating, a return visit, the case type) or a second
// thought (撤回) opens its form first, in place of the buttons. A step nobody can take back (办结,
// 调解成功, 转商家处理, 接受商家方案) asks once more in a dialog that says what will follow.
interface Props {
  actions: CaseAction[]
  act: Act
  /** reloads the case after a step (and after someone else's step got in first) */
  reload: () => Promise<void>
  title?: string
  /** the case's current type, preselected when the station accepts */
  completionKind?: CompletionKind
  /** what a confirmation repeats besides the form's own details (the offer being accepted…) */
  confirmFacts?: Partial<Record<CaseAction, string>>
}

export function CaseActionPanel({ actions, act, reload, title = '办理', completionKind = 'ordinary', confirmFacts = {} }: Props) {
  const { run, busy, banner, done, fieldErrors, setFieldErrors, clearFieldErrors } = useCaseAction(act, reload)
  const [open, setOpen] = useState<CaseAction | null>(null)
  const [confirming, setConfirming] = useState<{ action: CaseAction; step: CaseStep } | null>(null)

  /** Sends the step, or first asks in the dialog when it cannot be undone. */
  const send = async (action: CaseAction, step: CaseStep, asked = false): Promise<boolean> => {
    if (!asked && consequenceOf(action)) {
      setConfirming({ action, step })
      return false
    }
    return run(action, step, doneTextOf(action))
  }
  const confirmed = async () => {
    if (!confirming) return
    const taken = await send(confirming.action, confirming.step, true)
    setConfirming(null)
    if (taken) setOpen(null)
  }

  const start = (action: CaseAction) => {
    if (formOf(action) === null) {
      void send(action, {})
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
    if (await send(action, step)) setOpen(null)
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
      {confirming ? (
        <ConfirmDialog
          {...(consequenceOf(confirming.action) ?? { title: ACTION_LABELS[confirming.action], message: '', confirmLabel: '确认' })}
          facts={
            confirming.step.details
              ? [describeDetails(confirming.step.details)]
              : confirmFacts[confirming.action]
                ? [confirmFacts[confirming.action] as string]
                : []
          }
          busy={busy === confirming.action}
          onConfirm={() => void confirmed()}
          onCancel={() => setConfirming(null)}
        />
      ) : null}
    </View>
  )
}
