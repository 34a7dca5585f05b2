import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { call } from '../../../api'
import { ActionButton } from '../../../components/action-button'
import { CaseDetailView } from '../../../components/case-detail-view'
import { ErrorBanner } from '../../../components/feedback'
import { FormSection } from '../../../components/form-section'
import { PageShell } from '../../../components/page-shell'
import { TextField } from '../../../components/text-field'
import { CallHuman } from '../../../components/call-human'
import type { CaseDetail } from '../../../domain/case-view.schema'
import { normalizeCaseNo } from '../../../domain/case-number-input'
import type { FieldErrors } from '../../../domain/errors'
import { scrollToField } from '../../../hooks/scroll-to-field'
import { useElderlyMode } from '../../../hooks/use-elderly-mode'
import { decodeParam } from '../../routes'
import { ConsultDetail } from '../consult/consult-detail'
import { ReportRewardApply } from './report-reward-apply'
import { lookupConsultationIfNumbered, type ConsultLookup } from '../consult/consult-lookup'
import './index.scss'

// Finding a case again from any phone or computer — a borrowed phone, a family member's, the
// service desk's — with the case number and the query code from the receipt. Nothing is kept on
// this device: the code is typed each time. The answer shows the complainant masked.
// The number may be typed loosely — without KS-, with spaces, full-width digits (normalizeCaseNo);
// it is shown tidied once the field is left. In 大字模式 the keyboard is the digits pad.
export default function LookupPage() {
  const { params } = useRouter()
  const [caseNo, setCaseNo] = useState(decodeParam(params.caseNo))
  const [queryCode, setQueryCode] = useState('')
  const [busy, setBusy] = useState(false)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [banner, setBanner] = useState('')
  const [detail, setDetail] = useState<CaseDetail | null>(null)
  // the code that opened `detail`: the reward block asks with it, not with whatever is typed since
  const [answeredCode, setAnsweredCode] = useState('')
  const [consult, setConsult] = useState<ConsultLookup>(null) // a 咨询 number (ZX-…) opens the consultation instead
  const [elderly] = useElderlyMode()
  const tidy = () => {
    if (elderly) return // WeChat's digits keyboard field would not show the letters of "KS-"
    const canonical = normalizeCaseNo(caseNo)
    if (canonical && canonical !== caseNo) setCaseNo(canonical)
  }

  const lookup = async () => {
    if (busy) return
    setBusy(true)
    setBanner('')
    setErrors({})
    setConsult(null)
    const consultation = await lookupConsultationIfNumbered(caseNo, queryCode)
    if (consultation) {
      setBusy(false)
      setDetail(null)
      if (consultation.ok) return setConsult(consultation.data)
      setErrors(consultation.error.fields ?? {})
      return setBanner(consultation.error.fields ? '' : consultation.error.message)
    }
    // what cannot be tidied goes as typed: the server answers it like any wrong number
    const result = await call('consumer', 'lookupCase', { caseNo: normalizeCaseNo(caseNo) ?? caseNo, queryCode })
    setBusy(false)
    if (result.ok) {
      setDetail(result.data)
      setAnsweredCode(queryCode)
      scrollToField('lookup-result', { block: 'start', focus: false }) // the number and its status first
      return
    }
    setDetail(null)
    const fields = result.error.fields ?? {}
    setErrors(fields)
    if (!result.error.fields) setBanner(result.error.message) // 案件编号或查询码不正确, 操作太频繁…
  }

  return (
    <PageShell title="查询投诉进度" className="lookup" elderlySwitch>
      <FormSection title="输入编号和查询码" note="两者都在提交后的回执上；代办点打印的回执上也有">
        <TextField
          name="caseNo"
          label="案件编号"
          value={caseNo}
          onChange={setCaseNo}
          maxlength={32}
          placeholder="例如 20261122 0001"
          hint="只填数字也可以，KS 和横线可以不输"
          error={errors.caseNo}
          autoComplete="off"
          inputMode={elderly ? 'numeric' : 'text'}
          type={elderly ? 'number' : 'text'}
          onBlur={tidy}
        />
        <TextField
          name="queryCode"
          label="查询码"
          value={queryCode}
          onChange={setQueryCode}
          maxlength={16}
          placeholder="8位字母和数字"
          hint="不区分大小写"
          error={errors.queryCode}
          autoComplete="off"
          onConfirm={() => void lookup()}
        />
        <ErrorBanner message={banner} />
        <ActionButton className="lookup__submit" label="查询" busy={busy} busyText="正在查询…" onPress={() => void lookup()} />
      </FormSection>
      <View id="field-lookup-result">
        {detail ? <CaseDetailView detail={detail} /> : null}
        {detail?.kind === 'report' ? <ReportRewardApply caseNo={detail.caseNo} queryCode={answeredCode} refreshOn={detail} /> : null}
        {consult ? <ConsultDetail view={consult} own={false} /> : null}
      </View>
      <CallHuman />
    </PageShell>
  )
}
