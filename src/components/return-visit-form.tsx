import { View } from '@tarojs/components'
import { useState } from 'react'
import type { FieldErrors } from '../domain/errors'
import { RadioGroupField, type RadioOption } from './radio-group'
import { ReasonField } from './reason-field'
import { StepFormButtons, errorFixer, passLocalChecks, type StepFormProps } from './step-form-parts'

// 回访: the four must-ask questions (docs/domain.md "Return visits and satisfaction"), asked by someone other than the
// person who closed the case, and written down as answered. Each yes/no is asked in full so the
// record reads the same to whoever checks it later; "not satisfied" lets the station reopen.
const QUESTIONS = [
  { key: 'knowsResult', label: '消费者知道处理结果吗' },
  { key: 'promiseKept', label: '商家履行承诺了吗' },
  { key: 'satisfied', label: '消费者满意吗' },
] as const
type QuestionKey = (typeof QUESTIONS)[number]['key']
type YesNo = 'yes' | 'no'

const YES_NO: readonly RadioOption<YesNo>[] = [
  { value: 'yes', label: '是' },
  { value: 'no', label: '否' },
]
const SHOWN = ['details.knowsResult', 'details.promiseKept', 'details.satisfied', 'details.unresolved', 'details.improve']

export function ReturnVisitForm({ busy, errors, onErrors, onSubmit, onCancel }: StepFormProps) {
  const [answers, setAnswers] = useState<Record<QuestionKey, YesNo | ''>>({ knowsResult: '', promiseKept: '', satisfied: '' })
  const [unresolved, setUnresolved] = useState('')
  const [improve, setImprove] = useState('')
  const fixed = errorFixer(errors, onErrors)

  const submit = () => {
    const local: FieldErrors = {}
    for (const { key, label } of QUESTIONS) if (!answers[key]) local[`details.${key}`] = `请选择：${label}`
    if (!passLocalChecks(local, onErrors)) return
    onSubmit({
      details: {
        kind: 'return_visit',
        knowsResult: answers.knowsResult === 'yes',
        promiseKept: answers.promiseKept === 'yes',
        satisfied: answers.satisfied === 'yes',
        unresolved: unresolved.trim(),
        improve: improve.trim(),
      },
    })
  }

  return (
    <View className="step-form return-visit-form">
      <View className="step-form__intro">请逐项询问消费者，并如实记录回答。</View>
      {QUESTIONS.map(({ key, label }) => (
        <RadioGroupField
          key={key}
          name={`details.${key}`}
          label={label}
          value={answers[key]}
          options={YES_NO}
          onChange={(value) => {
            setAnswers((a) => ({ ...a, [key]: value }))
            fixed(`details.${key}`)
          }}
          error={errors[`details.${key}`]}
        />
      ))}
      <ReasonField
        name="details.unresolved"
        label="仍未解决的问题"
        optional
        autoFocus={false}
        short
        value={unresolved}
        onChange={setUnresolved}
        error={errors['details.unresolved']}
      />
      <ReasonField
        name="details.improve"
        label="改进建议"
        optional
        autoFocus={false}
        short
        value={improve}
        onChange={setImprove}
        error={errors['details.improve']}
      />
      <StepFormButtons submitLabel="提交回访记录" busy={busy} onSubmit={submit} onCancel={onCancel} errors={errors} shown={SHOWN} />
    </View>
  )
}
