import { View } from '@tarojs/components'
import type { FieldErrors } from '../domain/errors'
import type { CaseStep } from '../hooks/use-case-action'
import { scrollToField } from '../hooks/scroll-to-field'
import { ActionButton } from './action-button'
import { FieldError } from './feedback'

// What every step form shares: its props, the submit / cancel pair at the bottom, and the errors
// that belong to no field the form shows (so nothing the server says is ever swallowed).
export interface StepFormProps {
  busy: boolean
  /** keyed like the server's field errors: `reason`, `details.note`, `attachments`… */
  errors: FieldErrors
  /** the form's own checks failed: shown exactly like the server's */
  onErrors: (errors: FieldErrors) => void
  onSubmit: (step: CaseStep) => void
  onCancel: () => void
}

/** An error goes away as soon as the person changes the field it is about (no stale red text). */
export function errorFixer(errors: FieldErrors, onErrors: (errors: FieldErrors) => void) {
  return (key: string) => {
    if (!(key in errors)) return
    const rest = { ...errors }
    delete rest[key]
    onErrors(rest)
  }
}

/** Shows local errors and brings the first one into view; true when there were none. */
export function passLocalChecks(errors: FieldErrors, onErrors: (errors: FieldErrors) => void): boolean {
  const keys = Object.keys(errors)
  if (keys.length === 0) return true
  onErrors(errors)
  scrollToField(keys[0])
  return false
}

interface ButtonsProps {
  submitLabel: string
  busy: boolean
  onSubmit: () => void
  onCancel: () => void
  errors: FieldErrors
  /** the error keys this form shows next to its own fields */
  shown: readonly string[]
}

export function StepFormButtons({ submitLabel, busy, onSubmit, onCancel, errors, shown }: ButtonsProps) {
  const leftover = Object.entries(errors).find(([key]) => !shown.includes(key))?.[1]
  return (
    <View className="step-form__buttons">
      <FieldError message={leftover} />
      <ActionButton label={submitLabel} busy={busy} busyText="正在提交…" onPress={onSubmit} />
      <ActionButton label="取消" variant="secondary" disabled={busy} onPress={onCancel} />
    </View>
  )
}
