import { View } from '@tarojs/components'
import { useState } from 'react'
import type { FieldErrors } from '../domain/errors'
import { yuanToFen } from '../domain/money'
import { AgreementDetailsSchema } from '../domain/workflow/event-details'
import { todayInShanghai } from '../hooks/shanghai-today'
import { ReasonField } from './reason-field'
import { StepFormButtons, errorFixer, passLocalChecks, type StepFormProps } from './step-form-parts'
import { TextField } from './text-field'

// 调解成功: what the two sides agreed at the station, written down before it is recorded — the
// terms, the money (yuan typed, fen kept), and the day by which the shop must perform. The
// confirmation dialog then repeats it; both parties read it in their case views afterwards.
const SHOWN = ['details.terms', 'details.amountFen', 'details.performBy'] as const
const DAY = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/

/** "2026/12/5", "2026年12月5日", "2026-12-05" → "2026-12-05"; anything else unchanged (the schema says what is wrong). */
function normalizeDay(text: string): string {
  const m = DAY.exec(text.trim())
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : text.trim()
}

export function AgreementForm({ busy, errors, onErrors, onSubmit, onCancel }: StepFormProps) {
  const [terms, setTerms] = useState('')
  const [amount, setAmount] = useState('')
  const [performBy, setPerformBy] = useState('')
  const fixed = errorFixer(errors, onErrors)
  const setting = (set: (value: string) => void, key: string) => (value: string) => {
    set(value)
    fixed(key)
  }

  const submit = () => {
    const amountFen = yuanToFen(amount)
    const local: FieldErrors = {}
    if (amountFen === undefined) local['details.amountFen'] = '请填写金额，如 128 或 128.50'
    const parsed = AgreementDetailsSchema.safeParse({
      kind: 'agreement',
      terms,
      amountFen: amountFen ?? null,
      performBy: normalizeDay(performBy),
    })
    if (!parsed.success) for (const issue of parsed.error.issues) local[`details.${issue.path.join('.')}`] ??= issue.message
    if (parsed.success && parsed.data.performBy < todayInShanghai()) local['details.performBy'] = '履行日期不能早于今天'
    if (!passLocalChecks(local, onErrors) || !parsed.success) return
    onSubmit({ details: parsed.data })
  }

  return (
    <View className="step-form agreement-form">
      <ReasonField
        name="details.terms"
        label="协议内容"
        autoFocus={false}
        placeholder="如：商家退还货款128元，并当面道歉"
        value={terms}
        onChange={setting(setTerms, 'details.terms')}
        error={errors['details.terms']}
      />
      <TextField
        name="details.amountFen"
        label="金额（元）"
        value={amount}
        onChange={setting(setAmount, 'details.amountFen')}
        maxlength={16}
        optional
        hint="商家支付或退还的钱；不涉及金额可不填"
        inputMode="decimal"
        type="digit"
        error={errors['details.amountFen']}
      />
      <TextField
        name="details.performBy"
        label="履行日期"
        value={performBy}
        onChange={setting(setPerformBy, 'details.performBy')}
        maxlength={12}
        hint={`商家最晚在哪一天前履行，如 ${todayInShanghai()}`}
        error={errors['details.performBy']}
      />
      <StepFormButtons submitLabel="下一步：确认协议" busy={busy} onSubmit={submit} onCancel={onCancel} errors={errors} shown={SHOWN} />
    </View>
  )
}
