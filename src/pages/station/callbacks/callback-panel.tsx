import { View } from '@tarojs/components'
import { useCallback, useState } from 'react'
import { call } from '../../../api'
import { ActionButton } from '../../../components/action-button'
import { ConfirmDialog } from '../../../components/confirm-dialog'
import { ErrorBanner } from '../../../components/feedback'
import { ReasonField } from '../../../components/reason-field'
import { RemoteStatus } from '../../../components/remote-status'
import { ReturnVisitForm } from '../../../components/return-visit-form'
import type { ActionOutput } from '../../../domain/api/contract'
import type { FieldErrors } from '../../../domain/errors'
import { useRemote } from '../../../hooks/use-remote'

// One sampled case being called back (docs/callbacks.md): who to call (reading the phone is logged),
// a try that did not get through (the third makes the case "无法联系"), or the four must-ask answers.
// A broken promise or "not satisfied" offers the case's existing 重新处理, after a confirmation.
type Outcome = ActionOutput<'station', 'callbackComplete'>

export function CallbackPanel({ caseId, month, onChanged }: { caseId: string; month: string; onChanged: () => void }) {
  const load = useCallback(() => call('station', 'callbackCase', { caseId, month }), [caseId, month])
  const detail = useRemote(load)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [banner, setBanner] = useState('')
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const [note, setNote] = useState('')
  const [reason, setReason] = useState('')
  const [asking, setAsking] = useState(false)
  const [reopened, setReopened] = useState(false)

  const attempt = async () => {
    setBusy(true)
    const r = await call('station', 'callbackAttempt', { caseId, month, note })
    setBusy(false)
    if (!r.ok) return setBanner(r.error.message)
    setNote('')
    setBanner('')
    onChanged()
  }
  const complete = async (answers: {
    knowsResult: boolean
    promiseKept: boolean
    satisfied: boolean
    improve: string
    unresolved: string
  }) => {
    setBusy(true)
    const r = await call('station', 'callbackComplete', { caseId, month, answers })
    setBusy(false)
    if (!r.ok) {
      setErrors(r.error.fields ?? {})
      return setBanner(r.error.fields ? '' : r.error.message)
    }
    setOutcome(r.data)
    setReason(answers.promiseKept ? '回访抽查：消费者不满意' : '回访抽查：商家未履行承诺')
    if (!r.data.wantsReopen) onChanged()
  }
  const reopen = async () => {
    setBusy(true)
    const r = await call('station', 'actOnCase', { caseId, caseAction: 'reopen', reason, details: null, attachments: [] })
    setBusy(false)
    setAsking(false)
    if (!r.ok) return setBanner(r.error.fields?.reason ?? r.error.message)
    setReopened(true)
    onChanged()
  }

  if (detail.state.status !== 'ready') return <RemoteStatus state={detail.state} onRetry={detail.retry} />
  const d = detail.state.data
  if (outcome)
    return (
      <View className="station-callbacks__panel">
        <View className="station-callbacks__line" role="status">
          已记录回访。{outcome.wantsReopen ? '商家未履行承诺或消费者不满意，应重新处理。' : ''}
        </View>
        {outcome.wantsReopen && reopened ? (
          <View className="station-callbacks__line" role="status">
            已重新处理，案件回到维权站办理。
          </View>
        ) : null}
        {outcome.wantsReopen && !reopened && !outcome.canReopen ? (
          <View className="station-callbacks__warn">这件投诉已重新处理过一次或已不在办结状态，不能再次重新处理，请报告站长。</View>
        ) : null}
        {outcome.wantsReopen && !reopened && outcome.canReopen ? (
          <>
            <ReasonField label="重新处理的原因" name={`reopen-${caseId}`} value={reason} onChange={setReason} autoFocus={false} short />
            <ErrorBanner message={banner} />
            <ActionButton label="重新处理" onPress={() => setAsking(true)} />
          </>
        ) : null}
        {asking ? (
          <ConfirmDialog
            title="重新处理这件投诉？"
            message="案件将从“已办结”回到“已受理”，由维权站重新办理；每件投诉只能重新处理一次。"
            facts={[`案件编号：${d.item.caseNo}`, `原因：${reason.trim()}`]}
            confirmLabel="确认重新处理"
            busy={busy}
            onConfirm={() => void reopen()}
            onCancel={() => setAsking(false)}
          />
        ) : null}
      </View>
    )
  return (
    <View className="station-callbacks__panel">
      <View className="station-callbacks__line">商户：{d.merchantName}</View>
      {d.complainant ? (
        <View className="station-callbacks__line">
          投诉人：{d.complainant.name}，电话 {d.complainant.phone}
        </View>
      ) : (
        <View className="station-callbacks__line">投诉人未留联系方式</View>
      )}
      {d.callerIsCloser ? <View className="station-callbacks__warn">您是这件投诉的办结人，回访须由其他工作人员进行。</View> : null}
      <ReasonField
        label="未接通说明（可不填）"
        name={`attempt-${caseId}`}
        value={note}
        onChange={setNote}
        optional
        autoFocus={false}
        short
      />
      <ActionButton
        label={`未接通，记录第 ${d.item.attempts.length + 1} 次联系`}
        variant="secondary"
        busy={busy}
        onPress={() => void attempt()}
      />
      <ErrorBanner message={banner} />
      <ReturnVisitForm
        busy={busy}
        errors={errors}
        onErrors={setErrors}
        onCancel={onChanged}
        onSubmit={(step) => {
          if (step.details?.kind === 'return_visit') {
            const { knowsResult, promiseKept, satisfied, improve, unresolved } = step.details
            void complete({ knowsResult, promiseKept, satisfied, improve, unresolved })
          }
        }}
      />
    </View>
  )
}
