import { View } from '@tarojs/components'
import { useState } from 'react'
import type { FieldErrors } from '../domain/errors'
import { RadioGroupField, type RadioOption } from './radio-group'
import { ReasonField } from './reason-field'
import { ScoreChoice } from './score-choice'
import { StepFormButtons, errorFixer, passLocalChecks, type StepFormProps } from './step-form-parts'

// After a closure the shopper rates how the case was handled (docs/domain.md "Return visits and satisfaction"): speed,
// professionalism and attitude from 1 to 5, satisfied or not, and anything they want to add. A
// "not satisfied" is what lets the station reopen the case, so it is asked plainly, on its own.
const SCORES = [
  { key: 'speed', label: '处理速度' },
  { key: 'professionalism', label: '专业程度' },
  { key: 'attitude', label: '服务态度' },
] as const
type ScoreKey = (typeof SCORES)[number]['key']

const VERDICTS: readonly RadioOption<'yes' | 'no'>[] = [
  { value: 'yes', label: '满意' },
  { value: 'no', label: '不满意' },
]
const SHOWN = ['details.speed', 'details.professionalism', 'details.attitude', 'details.satisfied', 'details.comment']

export function RatingForm({ busy, errors, onErrors, onSubmit, onCancel }: StepFormProps) {
  const [scores, setScores] = useState<Record<ScoreKey, number | null>>({ speed: null, professionalism: null, attitude: null })
  const [verdict, setVerdict] = useState<'yes' | 'no' | ''>('')
  const [comment, setComment] = useState('')
  const fixed = errorFixer(errors, onErrors)

  const submit = () => {
    const local: FieldErrors = {}
    for (const { key, label } of SCORES) if (scores[key] === null) local[`details.${key}`] = `请为${label}打分`
    if (!verdict) local['details.satisfied'] = '请选择满意或不满意'
    if (!passLocalChecks(local, onErrors)) return
    const { speed, professionalism, attitude } = scores as Record<ScoreKey, number>
    onSubmit({ details: { kind: 'rating', speed, professionalism, attitude, satisfied: verdict === 'yes', comment: comment.trim() } })
  }

  return (
    <View className="step-form rating-form">
      <View className="step-form__intro">请为本次处理打分（1分很差，5分很好）</View>
      {SCORES.map(({ key, label }) => (
        <ScoreChoice
          key={key}
          name={`details.${key}`}
          label={label}
          value={scores[key]}
          onChange={(score) => {
            setScores((s) => ({ ...s, [key]: score }))
            fixed(`details.${key}`)
          }}
          error={errors[`details.${key}`]}
        />
      ))}
      <RadioGroupField
        name="details.satisfied"
        label="总体是否满意"
        value={verdict}
        options={VERDICTS}
        onChange={(value) => {
          setVerdict(value)
          fixed('details.satisfied')
        }}
        error={errors['details.satisfied']}
      />
      <ReasonField
        name="details.comment"
        label={verdict === 'no' ? '哪里不满意' : '意见和建议'}
        optional
        autoFocus={false}
        short
        placeholder={verdict === 'no' ? '写下仍未解决的问题，维权站会回访处理' : ''}
        value={comment}
        onChange={setComment}
        error={errors['details.comment']}
      />
      <StepFormButtons submitLabel="提交评价" busy={busy} onSubmit={submit} onCancel={onCancel} errors={errors} shown={SHOWN} />
    </View>
  )
}
