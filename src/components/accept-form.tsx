import { View } from '@tarojs/components'
import { useState } from 'react'
import { COMPLETION_KINDS, type CompletionKind } from '../domain/clocks/clock-rules'
import { COMPLETION_KIND_LABELS } from '../domain/labels'
import { SelectField } from './select-field'
import { StepFormButtons, type StepFormProps } from './step-form-parts'

// 受理: the station says what kind of case this is, which sets how long it may take (goods 5,
// services 7, ordinary 7, complex 15 working days — complex ones may be extended once). The
// case's current kind is chosen already, so accepting an ordinary case stays one more tap.
const LABELS: string[] = COMPLETION_KINDS.map((kind) => COMPLETION_KIND_LABELS[kind])

export function AcceptForm({ current, busy, errors, onSubmit, onCancel }: StepFormProps & { current: CompletionKind }) {
  const [kind, setKind] = useState<CompletionKind>(current)
  return (
    <View className="step-form accept-form">
      <SelectField
        name="completionKind"
        label="案件类型"
        value={COMPLETION_KIND_LABELS[kind]}
        options={LABELS}
        onChange={(label) => setKind(COMPLETION_KINDS[LABELS.indexOf(label)] ?? current)}
        placeholder="请选择案件类型"
        hint="决定办结时限，按工作日计算"
        error={errors.completionKind}
      />
      <StepFormButtons
        submitLabel="确认受理"
        busy={busy}
        onSubmit={() => onSubmit({ completionKind: kind })}
        onCancel={onCancel}
        errors={errors}
        shown={['completionKind']}
      />
    </View>
  )
}
