import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { fieldDomId } from '../hooks/scroll-to-field'
import { FieldError } from './feedback'
import './form-field.scss'

// One question on a form: its visible label, an optional hint, the control, and the error right
// under it (role=alert, in Chinese). The wrapper's id is what scrollToField() scrolls to; the
// control points at the label, hint and error through these ids (fieldIds).
export function fieldIds(name: string) {
  const base = fieldDomId(name)
  return { wrapper: base, label: `${base}-label`, hint: `${base}-hint`, error: `${base}-error`, control: `${base}-control` }
}

/** What a control's aria-describedby should name: the error when there is one, else the hint. */
export function describedBy(name: string, error?: string, hasHint?: boolean): string | undefined {
  const ids = fieldIds(name)
  if (error) return hasHint ? `${ids.error} ${ids.hint}` : ids.error
  return hasHint ? ids.hint : undefined
}

interface Props {
  name: string
  label: string
  /** shown after the label, e.g. （选填） */
  optional?: boolean
  hint?: string
  error?: string
  children: ReactNode
  className?: string
}

export function FormField({ name, label, optional, hint, error, children, className }: Props) {
  const ids = fieldIds(name)
  return (
    <View id={ids.wrapper} className={`form-field ${error ? 'form-field--invalid' : ''} ${className ?? ''}`}>
      <View className="form-field__label" id={ids.label}>
        {label}
        {optional ? <View className="form-field__optional">（选填）</View> : null}
      </View>
      {hint ? (
        <View className="form-field__hint" id={ids.hint}>
          {hint}
        </View>
      ) : null}
      {children}
      <FieldError message={error} id={ids.error} />
    </View>
  )
}
