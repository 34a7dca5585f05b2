import { View } from '@tarojs/components'
import { useState } from 'react'
import type { FieldErrors } from '../domain/errors'
import { SUSPENSION_GROUNDS, SUSPENSION_GROUND_LABELS, type SuspensionGround } from '../domain/workflow/suspension'
import { RadioGroupField, type RadioOption } from './radio-group'
import { ReasonField } from './reason-field'
import { StepFormButtons, errorFixer, passLocalChecks, type StepFormProps } from './step-form-parts'

// 中止调解 (docs/domain.md "Suspension"): the ground, chosen from the list, and the station's own words —
// required for 其他, a help for the rest. While suspended the mediation and completion deadlines pause.
const GROUNDS: readonly RadioOption<SuspensionGround>[] = SUSPENSION_GROUNDS.map((g) => ({ value: g, label: SUSPENSION_GROUND_LABELS[g] }))
const SHOWN = ['details.ground', 'reason']

export function SuspensionForm({ busy, errors, onErrors, onSubmit, onCancel }: StepFormProps) {
  const [ground, setGround] = useState<SuspensionGround | ''>('')
  const [text, setText] = useState('')
  const fixed = errorFixer(errors, onErrors)

  const submit = () => {
    const local: FieldErrors = {}
    if (!ground) local['details.ground'] = '请选择中止原因'
    if (ground === 'other' && !text.trim()) local.reason = '请填写中止原因'
    if (!passLocalChecks(local, onErrors) || !ground) return
    onSubmit({ reason: text.trim(), details: { kind: 'suspension', ground } })
  }

  return (
    <View className="step-form suspension-form">
      <View className="step-form__intro">中止期间，调解期限和办结期限暂停计算；恢复调解后按剩余的工作日继续计算。</View>
      <RadioGroupField
        name="details.ground"
        label="中止原因"
        value={ground}
        options={GROUNDS}
        columns={3}
        onChange={(value) => {
          setGround(value)
          fixed('details.ground')
        }}
        error={errors['details.ground']}
      />
      <ReasonField
        label="说明"
        optional={ground !== 'other'}
        autoFocus={false}
        short
        placeholder="如：多次拨打商家负责人电话无人接听"
        value={text}
        onChange={(value) => {
          setText(value)
          fixed('reason')
        }}
        error={errors.reason}
      />
      <StepFormButtons submitLabel="确认中止调解" busy={busy} onSubmit={submit} onCancel={onCancel} errors={errors} shown={SHOWN} />
    </View>
  )
}
