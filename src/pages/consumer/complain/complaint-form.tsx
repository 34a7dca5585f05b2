import { Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { call } from '../../../api'
import { ActionButton } from '../../../components/action-button'
import { ErrorBanner, FieldError } from '../../../components/feedback'
import { InfoBlock } from '../../../components/info-block'
import { PageShell } from '../../../components/page-shell'
import { DESCRIPTION_MAX, DESCRIPTION_MIN } from '../../../domain/complaint.schema'
import type { FieldErrors } from '../../../domain/errors'
import type { MerchantEntry } from '../../../domain/merchant.schema'
import { useComplaintDraft } from '../../../hooks/use-complaint-draft'
import { PAGES, withQuery } from '../../routes'
import './index.scss'

// The complaint itself: the shop is already filled in from the QR code, the person only says what
// happened. Field problems appear under the field; anything else in a banner above the button.
const DESCRIPTION_ID = 'complaint-description'
const DESCRIPTION_ERROR_ID = 'complaint-description-error'

export function ComplaintForm({ entry }: { entry: MerchantEntry }) {
  const merchantCode = entry.merchant.code
  const { draft, setText, renewKey, discard } = useComplaintDraft(merchantCode)
  const [submitting, setSubmitting] = useState(false)
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({})
  const [banner, setBanner] = useState('')

  const submit = async () => {
    setSubmitting(true)
    setBanner('')
    setFieldErrors({})
    const result = await call('consumer', 'submitComplaint', {
      merchantCode,
      description: draft.text,
      idempotencyKey: draft.idempotencyKey,
    })
    if (result.ok) {
      discard() // only now: a failed attempt keeps the text and the key for the retry
      Taro.redirectTo({ url: withQuery(PAGES.submitted, { caseId: result.data.caseId, caseNo: result.data.caseNo }) })
      return
    }
    setSubmitting(false)
    const { error } = result
    // the key now belongs to a case with different text; a fresh key lets the next press go through
    if (error.code === 'IDEMPOTENCY_CONFLICT') renewKey()
    const fields = error.fields ?? {}
    setFieldErrors(fields)
    // a field the person cannot see (merchantCode, idempotencyKey) still needs saying somewhere
    const unseen = Object.entries(fields).filter(([name]) => name !== 'description')
    setBanner(unseen.length > 0 ? unseen[0][1] : fields.description ? '' : error.message)
  }

  const length = draft.text.length
  return (
    <PageShell title="我要投诉" className="complaint">
      <InfoBlock label="投诉对象" tone="accent" className="complaint__target">
        <View className="complaint__merchant">{entry.merchant.name}</View>
        <View className="complaint__site">
          {entry.site.name}
          {entry.merchant.booth ? ` · ${entry.merchant.booth}` : ''}
        </View>
      </InfoBlock>

      <View className="complaint__field">
        <View className="complaint__label" id="complaint-description-label">
          投诉内容
        </View>
        <Textarea
          className={`complaint__textarea ${fieldErrors.description ? 'complaint__textarea--invalid' : ''}`}
          value={draft.text}
          maxlength={DESCRIPTION_MAX} // Taro's default is 140
          placeholder="请写清楚：买了什么或接受了什么服务、什么时候、出了什么问题、希望商家怎么解决（如退款、换货）"
          autoHeight={false}
          onInput={(e) => setText(e.detail.value)}
          nativeProps={{
            id: DESCRIPTION_ID,
            'aria-label': '投诉内容',
            'aria-invalid': fieldErrors.description ? 'true' : 'false',
            'aria-describedby': fieldErrors.description ? DESCRIPTION_ERROR_ID : 'complaint-description-hint',
          }}
        />
        <View className="complaint__meta">
          <View className="complaint__hint" id="complaint-description-hint">
            至少{DESCRIPTION_MIN}个字
          </View>
          <View className="complaint__counter">
            {length}/{DESCRIPTION_MAX}
          </View>
        </View>
        <FieldError message={fieldErrors.description} id={DESCRIPTION_ERROR_ID} />
      </View>

      <ErrorBanner message={banner} />

      <ActionButton
        className="complaint__submit"
        label="提交投诉"
        busy={submitting}
        busyText="正在提交…"
        onPress={() => void submit()}
      />
      <View className="complaint__urgent">遇到人身安全等紧急情况，请拨打110或12315</View>
    </PageShell>
  )
}
