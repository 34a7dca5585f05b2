import { View } from '@tarojs/components'
import { useState } from 'react'
import type { FieldErrors } from '../domain/errors'
import { NOT_ACCEPTED_GROUNDS, NOT_ACCEPTED_REASONS, type NotAcceptedReason } from '../domain/workflow/not-accepted'
import { RadioGroupField, type RadioOption } from './radio-group'
import { ReasonField } from './reason-field'
import { StepFormButtons, errorFixer, passLocalChecks, type StepFormProps } from './step-form-parts'

// 不予受理 (docs/domain.md "Not accepted: the grounds"): the ground from the training material's list,
// and the station's own words about this case. Below the choice, exactly what the complainant will
// read: the ground in plain words and where to go instead.
const GROUNDS: readonly RadioOption<NotAcceptedReason>[] = NOT_ACCEPTED_REASONS.map((r) => ({
  value: r,
  label: NOT_ACCEPTED_GROUNDS[r].label,
}))
const SHOWN = ['details.reason', 'details', 'reason']

export function NotAcceptedForm({ busy, errors, onErrors, onSubmit, onCancel }: StepFormProps) {
  const [ground, setGround] = useState<NotAcceptedReason | ''>('')
  const [text, setText] = useState('')
  const fixed = errorFixer(errors, onErrors)

  const submit = () => {
    const local: FieldErrors = {}
    if (!ground) local['details.reason'] = '请选择不予受理的理由'
    if (!text.trim()) local.reason = '请填写原因'
    if (!passLocalChecks(local, onErrors) || !ground) return
    onSubmit({ reason: text.trim(), details: { kind: 'not_accepted', reason: ground } })
  }

  return (
    <View className="step-form not-accepted-form">
      <RadioGroupField
        name="details.reason"
        label="不予受理的理由"
        value={ground}
        options={GROUNDS}
        columns={2}
        onChange={(value) => {
          setGround(value)
          fixed('details.reason')
        }}
        error={errors['details.reason'] ?? errors.details}
      />
      {ground ? (
        <View className="step-form__intro" role="note">
          投诉人将看到：{NOT_ACCEPTED_GROUNDS[ground].plain}
          {NOT_ACCEPTED_GROUNDS[ground].whereInstead ? `建议：${NOT_ACCEPTED_GROUNDS[ground].whereInstead}` : ''}
        </View>
      ) : null}
      <ReasonField
        label="不予受理的原因"
        autoFocus={false}
        placeholder="写明本案的具体情况，如：双方系雇佣关系，争议为拖欠工资"
        value={text}
        onChange={(value) => {
          setText(value)
          fixed('reason')
        }}
        error={errors.reason}
      />
      <StepFormButtons submitLabel="确认不予受理" busy={busy} onSubmit={submit} onCancel={onCancel} errors={errors} shown={SHOWN} />
    </View>
  )
}
