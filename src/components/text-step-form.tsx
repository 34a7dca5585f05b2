import { View } from '@tarojs/components'
import { useState } from 'react'
import type { CaseAction } from '../domain/workflow/transitions'
import { confirmOf, formOf, submitLabelOf, textLabelOf } from './case-actions'
import { ReasonField } from './reason-field'
import { StepFormButtons, errorFixer, passLocalChecks, type StepFormProps } from './step-form-parts'

// A step that asks for a reason (不予受理, 终止调解, 延期…) or for a second thought (撤回). The server
// requires the reason; asking here first saves a round trip, with the same words it would use.
export function TextStepForm({ action, busy, errors, onErrors, onSubmit, onCancel }: StepFormProps & { action: CaseAction }) {
  const [text, setText] = useState('')
  const asksText = formOf(action) === 'text'
  const confirm = confirmOf(action)
  const fixed = errorFixer(errors, onErrors)
  const write = (value: string) => {
    setText(value)
    fixed('reason')
  }
  const submit = () => {
    if (asksText && !passLocalChecks(text.trim() ? {} : { reason: '请填写原因' }, onErrors)) return
    onSubmit({ reason: text.trim() })
  }
  return (
    <View className="step-form">
      {confirm ? <View className="case-action-panel__confirm">{confirm}</View> : null}
      {asksText ? <ReasonField label={textLabelOf(action)} value={text} onChange={write} error={errors.reason} /> : null}
      <StepFormButtons
        submitLabel={submitLabelOf(action)}
        busy={busy}
        onSubmit={submit}
        onCancel={onCancel}
        errors={errors}
        shown={asksText ? ['reason'] : []}
      />
    </View>
  )
}
