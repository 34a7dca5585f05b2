import { View } from '@tarojs/components'
import { useState } from 'react'
import type { CaseAction } from '../domain/workflow/transitions'
import { useCaseAction, type Act } from '../hooks/use-case-action'
import { ActionButton } from './action-button'
import { ACTION_LABELS, needsOf } from './case-actions'
import { ErrorBanner, FieldError } from './feedback'
import { ReasonField } from './reason-field'
import './case-action-panel.scss'

// Exactly the steps the server says this viewer may take now, one button each — never more: a
// button for a step the policy forbids would only produce an error. A step that needs text (a
// reason, the merchant's offer) or a second thought (撤回) opens a small form first.
interface Props {
  actions: CaseAction[]
  act: Act
  /** reloads the case after a step (and after someone else's step got in first) */
  reload: () => Promise<void>
  title?: string
}

export function CaseActionPanel({ actions, act, reload, title = '办理' }: Props) {
  const { run, busy, banner, done, fieldError, setFieldError, clearFieldError } = useCaseAction(act, reload)
  const [open, setOpen] = useState<CaseAction | null>(null)
  const [text, setText] = useState('')

  const start = (action: CaseAction) => {
    const needs = needsOf(action)
    if (!needs.textLabel && !needs.confirm) {
      void run(action, '', `已${ACTION_LABELS[action]}`)
      return
    }
    clearFieldError()
    setText('')
    setOpen(action)
  }
  const cancel = () => {
    clearFieldError()
    setOpen(null)
  }
  const submit = async (action: CaseAction) => {
    const required = needsOf(action).requiredMessage
    if (required && !text.trim()) {
      setFieldError(required)
      return
    }
    if (await run(action, text.trim(), `已${ACTION_LABELS[action]}`)) setOpen(null)
  }

  // after a stale step the case reloads; a form for a step that is no longer offered must close
  const openAction = open && actions.includes(open) ? open : null
  if (actions.length === 0 && !banner && !done) return null
  return (
    <View className="case-action-panel no-print">
      <View className="case-action-panel__title" role="heading" aria-level={2}>
        {title}
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
          text={text}
          onText={setText}
          error={fieldError}
          busy={busy === openAction}
          onSubmit={() => void submit(openAction)}
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

interface StepFormProps {
  action: CaseAction
  text: string
  onText: (value: string) => void
  error: string
  busy: boolean
  onSubmit: () => void
  onCancel: () => void
}

function StepForm({ action, text, onText, error, busy, onSubmit, onCancel }: StepFormProps) {
  const needs = needsOf(action)
  const label = ACTION_LABELS[action]
  return (
    <View className="case-action-panel__form">
      {needs.confirm ? <View className="case-action-panel__confirm">{needs.confirm}</View> : null}
      {needs.textLabel ? (
        <ReasonField label={needs.textLabel} value={text} onChange={onText} error={error} />
      ) : (
        <FieldError message={error} />
      )}
      <ActionButton label={`确认${label}`} busy={busy} busyText="正在提交…" onPress={onSubmit} />
      <ActionButton label="取消" variant="secondary" disabled={busy} onPress={onCancel} />
    </View>
  )
}
