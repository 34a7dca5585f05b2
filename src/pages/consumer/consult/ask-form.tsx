import { Textarea, View } from '@tarojs/components'
import { useEffect, useState, type ReactNode } from 'react'
import { call } from '../../../api'
import { ActionButton } from '../../../components/action-button'
import { Disclosure } from '../../../components/disclosure'
import { ErrorBanner } from '../../../components/feedback'
import { describedBy, fieldIds, FormField } from '../../../components/form-field'
import { RadioGroupField } from '../../../components/radio-group'
import { TextField } from '../../../components/text-field'
import type { ActionOutput } from '../../../domain/api/contract'
import type { FieldErrors } from '../../../domain/errors'
import { newIdempotencyKey } from '../../../hooks/complaint-draft'
import { scrollToField } from '../../../hooks/scroll-to-field'
import './consult.scss'

export type ConsultReceipt = ActionOutput<'consumer', 'askConsultation'>
type Sites = ActionOutput<'consumer', 'consultSites'>['items']

const QUESTION_MAX = 1000

// Asking the station: one box for the question, which also filters the library's answers shown
// right under it (`answers`) as the person types; then the mall when no shop's code says it, and —
// folded, optional — a name and phone for a call back. Anonymous by default. One idempotency key
// per form, so a retried tap files one consultation.
export function AskForm({
  merchantCode,
  question,
  onQuestion,
  onAsked,
  answers,
}: {
  merchantCode: string | null
  question: string
  onQuestion: (text: string) => void
  onAsked: (receipt: ConsultReceipt) => void
  answers: ReactNode
}) {
  const [sites, setSites] = useState<Sites>([])
  const [siteId, setSiteId] = useState('')
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [key] = useState(newIdempotencyKey)
  const [busy, setBusy] = useState(false)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [banner, setBanner] = useState('')

  useEffect(() => {
    if (merchantCode) return // the shop's code names its mall
    void call('consumer', 'consultSites', {}).then((r) => {
      if (!r.ok) return setBanner(r.error.message)
      setSites(r.data.items)
      if (r.data.items.length === 1) setSiteId(r.data.items[0].id)
    })
  }, [merchantCode])

  const ask = async () => {
    if (busy) return
    setBusy(true)
    setErrors({})
    setBanner('')
    const where = merchantCode ? { merchantCode } : siteId ? { siteId } : {}
    const r = await call('consumer', 'askConsultation', { idempotencyKey: key, question, contactName: name, contactPhone: phone, ...where })
    setBusy(false)
    if (r.ok) return onAsked(r.data)
    setErrors(r.error.fields ?? {})
    setBanner(r.error.fields ? '请按提示修改后再提交' : r.error.message)
    const first = Object.keys(r.error.fields ?? {})[0]
    if (first) scrollToField(first)
  }

  const ids = fieldIds('question')
  return (
    <View className="consult-ask">
      <FormField name="question" label="您想咨询什么？" error={errors.question} hint="输入时下方会显示相关答案；没有找到答案就提交给维权站">
        <Textarea
          className="field-box consult-page__textarea"
          value={question}
          maxlength={QUESTION_MAX}
          autoHeight={false}
          placeholder="例如：网上买的衣服不合适，商家不给退，可以七天无理由退货吗？"
          onInput={(e) => onQuestion(e.detail.value)}
          nativeProps={{
            id: ids.control,
            'aria-label': '您想咨询什么？',
            'aria-invalid': errors.question ? 'true' : 'false',
            'aria-describedby': describedBy('question', errors.question, true),
          }}
        />
      </FormField>
      {answers}
      <View className="consult-page__ask-title" role="heading" aria-level={2}>
        没有找到答案？向维权站咨询
      </View>
      <View className="consult-page__anonymous">无需填写姓名和电话，可以匿名咨询。维权站工作人员会在这里答复。</View>
      {!merchantCode && sites.length > 1 ? (
        <RadioGroupField
          name="siteId"
          label="咨询哪个商场或市场"
          value={siteId}
          options={sites.map((s) => ({ value: s.id, label: s.name }))}
          onChange={setSiteId}
          error={errors.siteId}
          columns={2}
        />
      ) : null}
      {errors.siteId && (merchantCode || sites.length <= 1) ? <ErrorBanner message={errors.siteId} /> : null}
      <Disclosure
        id="consult-contact"
        title="留下联系方式（选填）"
        summary="需要工作人员回电时填写"
        open={!!(errors.contactName || errors.contactPhone)}
      >
        <TextField
          name="contactName"
          label="称呼"
          value={name}
          onChange={setName}
          maxlength={20}
          optional
          placeholder="例如 王先生"
          error={errors.contactName}
        />
        <TextField
          name="contactPhone"
          label="手机号码"
          value={phone}
          onChange={setPhone}
          maxlength={20}
          optional
          inputMode="tel"
          autoComplete="tel"
          error={errors.contactPhone}
        />
      </Disclosure>
      <ErrorBanner message={banner} />
      <ActionButton label="提交咨询" busy={busy} busyText="正在提交…" onPress={() => void ask()} />
    </View>
  )
}
