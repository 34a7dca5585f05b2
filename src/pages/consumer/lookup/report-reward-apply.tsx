import { View } from '@tarojs/components'
import { useCallback, useEffect, useState } from 'react'
import { call } from '../../../api'
import { ActionButton } from '../../../components/action-button'
import { ConfirmDialog } from '../../../components/confirm-dialog'
import { ErrorBanner } from '../../../components/feedback'
import { FormSection } from '../../../components/form-section'
import { ReasonField } from '../../../components/reason-field'
import { TextField } from '../../../components/text-field'
import type { FieldErrors } from '../../../domain/errors'
import { formatFen } from '../../../domain/money'
import type { ReporterRewardView } from '../../../domain/report-reward/report-reward-reporter'

// 举报奖励 for the reporter, under the lookup's answer: the same case number and query code open it,
// so an anonymous reporter applies from any phone. They say how to be reached for the payment (the
// station alone sees it) and later see the station's decision here.
interface Props {
  caseNo: string
  queryCode: string
  /** the lookup's latest answer: a new lookup reads the reward again */
  refreshOn: unknown
}

export function ReportRewardApply({ caseNo, queryCode, refreshOn }: Props) {
  const [view, setView] = useState<ReporterRewardView | null>(null)
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [banner, setBanner] = useState('')
  const [confirming, setConfirming] = useState(false)
  const lookup = { caseNo, queryCode }

  const load = useCallback(async () => {
    const r = await call('consumer', 'reportRewardStatus', { lookup: { caseNo, queryCode } })
    if (r.ok) setView(r.data)
  }, [caseNo, queryCode])
  useEffect(() => {
    void load()
  }, [load, refreshOn])
  if (!view || (!view.canApply && !view.status)) return null

  const apply = async () => {
    setBusy(true)
    const r = await call('consumer', 'applyReportReward', { lookup, contact: { name, phone }, note })
    setBusy(false)
    setConfirming(false)
    if (!r.ok) {
      setErrors(r.error.fields ?? {})
      setBanner(r.error.fields ? '请按提示修改' : r.error.message)
      return
    }
    setErrors({})
    setBanner('')
    setView(r.data)
  }

  return (
    <FormSection title="举报奖励" note="举报经查属实的，可申请举报奖励">
      <View className="lookup__reward-status" role="status">
        {view.statusText}
        {view.amountFen !== null ? `：${formatFen(view.amountFen)}` : ''}
      </View>
      {view.reason ? <View className="lookup__reward-reason">维权站说明：{view.reason}</View> : null}
      {view.canApply ? (
        <View className="lookup__reward-form">
          <TextField name="contact.name" label="领奖人姓名" value={name} onChange={setName} maxlength={40} error={errors['contact.name']} />
          <TextField
            name="contact.phone"
            label="联系电话"
            value={phone}
            onChange={setPhone}
            maxlength={20}
            inputMode="tel"
            autoComplete="tel"
            hint="仅维权站可见，用于联系发放奖励"
            error={errors['contact.phone']}
          />
          <ReasonField label="补充说明" name="rewardNote" value={note} onChange={setNote} optional autoFocus={false} short />
          <ErrorBanner message={banner} />
          <ActionButton label="申请举报奖励" busy={busy} onPress={() => setConfirming(true)} />
        </View>
      ) : null}
      {confirming ? (
        <ConfirmDialog
          title="确认申请举报奖励？"
          message="每件举报只能申请一次，提交后由维权站审核。"
          confirmLabel="确认申请"
          busy={busy}
          onConfirm={() => void apply()}
          onCancel={() => setConfirming(false)}
        />
      ) : null}
    </FormSection>
  )
}
