import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { PROBLEM_TYPES } from '../domain/classification'
import { DESCRIPTION_MIN } from '../domain/complaint.schema'
import { INDUSTRY_LINES } from '../domain/industry'
import { appendSpoken } from '../hooks/complaint-draft'
import type { Receipt } from '../hooks/receipt-store'
import type { FieldErrors } from '../domain/errors'
import type { IntakeInput } from '../domain/intake-channel'
import type { ComplaintDraftApi } from '../hooks/use-complaint-draft'
import { useComplaintSubmit, type FilingMode } from '../hooks/use-complaint-submit'
import { useEvidenceUploads } from '../hooks/use-evidence-uploads'
import { useVoiceProposal } from '../hooks/use-voice-proposal'
import { ActionButton } from './action-button'
import { ConsentBlock } from './consent-block'
import { DemandCheckboxes } from './demand-checkboxes'
import { DescriptionField } from './description-field'
import { Disclosure } from './disclosure'
import { EvidencePicker } from './evidence-picker'
import { ExtractionProposal } from './extraction-proposal'
import { ErrorBanner } from './feedback'
import { FormSection } from './form-section'
import { IdentityFields } from './identity-fields'
import { PurchaseFields } from './purchase-fields'
import { SelectField } from './select-field'
import { ToggleSwitch } from './toggle-switch'
import { VoiceInput } from './voice-input'
import './complaint-form.scss'

// The whole complaint, for a shopper on their own phone (`self`) and for a helper filing for
// someone at a service desk (`proxy`). What happened comes first, right under the shop, with the
// voice button (issue 16.6); then who is asking (the law asks a complaint for it); then what was
// bought, optional and folded; the proof; the notice. The industry line is a staff question: a
// shopper's filing derives it (deriveIndustry), staff filing for someone may choose it.
// The page supplies the draft (kept per shop / search / proxy), the shop block, and may add a note
// to the identity part (`identityNote`: the shopper's page says what this phone remembers).
interface Props {
  mode: FilingMode
  draft: ComplaintDraftApi
  /** the shop: fixed from the QR code, or chosen by search; gets the shop's error if any */
  renderShop: (error?: string) => ReactNode
  onSubmitted: (receipt: Receipt) => void
  /** shown first in the identity part */
  identityNote?: ReactNode
  /** after the shop block (the QR page's 查进度 entry) */
  afterShop?: ReactNode
  /** the desk's channel and received time, sent with a proxy filing; its fields get their errors */
  intake?: IntakeInput
  renderIntake?: (errors: FieldErrors) => ReactNode
}

const PURCHASE_FIELDS = ['purchaseTime', 'amountYuan', 'product'] as const

export function ComplaintForm({ mode, draft: api, renderShop, onSubmitted, identityNote, afterShop, intake, renderIntake }: Props) {
  const { draft, setField, patchFields, appendToDescription, updateEvidence } = api
  const f = draft.fields
  const uploads = useEvidenceUploads(draft.evidence, updateEvidence)
  const { submit, submitting, errors, banner } = useComplaintSubmit(mode, api, onSubmitted, intake)
  const proxy = mode === 'proxy'
  const proposal = useVoiceProposal(api, { askIndustry: proxy })
  const report = f.kind === 'report'
  const noun = report ? '举报' : '投诉'
  // spoken words go after the typed ones; then the whole text is read for fields to propose
  const spoken = (text: string) => {
    appendToDescription(text)
    proposal.offer(appendSpoken(f.description, text))
  }
  // the folded part opens by itself when it holds something: a value kept in the draft, an error
  const purchaseShown = !!(f.purchaseDate || f.amountYuan || f.product) || PURCHASE_FIELDS.some((k) => errors[k])

  return (
    <View className="complaint-form">
      {renderShop(errors.merchantCode)}
      {afterShop}
      {renderIntake?.(errors)}

      <FormSection title="发生了什么">
        <DescriptionField
          label={`${noun}内容`}
          value={f.description}
          onChange={(v) => setField('description', v)}
          error={errors.description}
        >
          <VoiceInput evidence={draft.evidence} uploads={uploads} onText={spoken} noun={noun} />
          <ExtractionProposal proposal={proposal} />
        </DescriptionField>
        <DemandCheckboxes value={f.demands} onChange={(v) => setField('demands', v)} error={errors.demands} optional={report} />
        <SelectField
          name="problemType"
          label="问题类型"
          placeholder="请选择问题类型"
          value={f.problemType}
          options={PROBLEM_TYPES}
          onChange={(v) => setField('problemType', v as typeof f.problemType)}
          error={errors.problemType}
        />
        {proxy ? (
          <SelectField
            name="industry"
            label="所属行业"
            placeholder="按投诉内容自动判断"
            hint="已按商户登记的行业预选；不选则按投诉内容判断"
            value={f.industry}
            options={INDUSTRY_LINES}
            onChange={(v) => setField('industry', v as typeof f.industry)}
            error={errors.industry}
          />
        ) : null}
      </FormSection>

      <FormSection title={proxy ? '当事人信息' : '您的信息'}>
        {identityNote}
        <IdentityFields fields={f} errors={errors} set={setField} patch={patchFields} forSomeoneElse={proxy} />
      </FormSection>

      <Disclosure id="purchase-details" title="消费情况（选填）" summary="消费时间、金额、商品或服务，记得多少填多少" open={purchaseShown}>
        <PurchaseFields fields={f} errors={errors} set={setField} />
      </Disclosure>

      <FormSection title="证据" note="小票、发票、聊天记录截图、商品照片、录音录像都可以">
        <EvidencePicker evidence={draft.evidence} uploads={uploads} error={errors.evidenceIds} />
      </FormSection>

      <FormSection title="个人信息保护">
        <ConsentBlock
          mode={proxy ? 'read_aloud' : 'self'}
          agreed={proxy ? f.attestation : f.consentAgreed}
          onChange={(on) => setField(proxy ? 'attestation' : 'consentAgreed', on)}
          error={proxy ? errors.attestation : errors.consentVersion}
        />
        {!report ? (
          <ToggleSwitch
            id="share-phone-switch"
            label={proxy ? '允许商家看到当事人的完整手机号' : '允许商家看到我的完整手机号'}
            description="默认关闭：商家只能看到隐去中间四位的号码，如138****5678"
            checked={f.sharePhoneWithMerchant}
            onChange={(on) => setField('sharePhoneWithMerchant', on)}
          />
        ) : null}
      </FormSection>

      <ErrorBanner message={banner} />
      <ActionButton
        className="complaint__submit"
        label={proxy ? `代为提交${noun}` : `提交${noun}`}
        busy={submitting}
        busyText="正在提交…"
        onPress={() => void submit()}
      />
      <View className="complaint-form__hint">
        {noun}内容至少{DESCRIPTION_MIN}个字；提交后立即得到案件编号和查询码
      </View>
      <View className="complaint__urgent">遇到人身安全等紧急情况，请拨打110或12315</View>
    </View>
  )
}
