import { View } from '@tarojs/components'
import { useCallback, useEffect, useState } from 'react'
import { call } from '../../../api'
import { ActionButton } from '../../../components/action-button'
import { ChoiceGroup } from '../../../components/choice-group'
import { ConfirmDialog } from '../../../components/confirm-dialog'
import { ErrorBanner } from '../../../components/feedback'
import { InfoBlock } from '../../../components/info-block'
import { ReasonField } from '../../../components/reason-field'
import { TextField } from '../../../components/text-field'
import type { CaseDetail } from '../../../domain/case-view.schema'
import type { Result } from '../../../domain/errors'
import { formatFen, yuanToFen } from '../../../domain/money'
import type { StationRewardView } from '../../../domain/report-reward/report-reward-station'
import type { CaseAction } from '../../../domain/workflow/transitions'

// A report (举报) at the desk: 举报办结 with what the check found (查实 opens the reporter's reward), and
// then the reward (举报奖励): who applied and how to reach them (shown here only; the access is on
// record), and the station's decision — granted with an amount, or refused — with its reason. Both
// steps cannot be undone, so each asks once more.
export const REPORT_ACTIONS: readonly CaseAction[] = ['concludeReport']

interface Props {
  detail: CaseDetail
  reload: () => Promise<void>
}

export function ReportRewardDesk({ detail, reload }: Props) {
  const concluding = detail.actions.includes('concludeReport')
  const rewardable = detail.kind === 'report' && detail.status === 'closed' && detail.outcome === 'violation_found'
  const [found, setFound] = useState<'yes' | 'no'>('yes')
  const [note, setNote] = useState('')
  const [reward, setReward] = useState<StationRewardView | null>(null)
  const [decision, setDecision] = useState<'granted' | 'refused'>('granted')
  const [amount, setAmount] = useState('')
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const [confirming, setConfirming] = useState<'conclude' | 'decide' | null>(null)

  const loadReward = useCallback(async () => {
    const r = await call('station', 'getReportReward', { caseId: detail.id })
    if (r.ok) setReward(r.data)
  }, [detail.id])
  useEffect(() => {
    if (rewardable) void loadReward()
  }, [rewardable, loadReward])

  if (!concluding && !rewardable) return null

  const send = async (request: () => Promise<Result<unknown>>, after: () => Promise<void>) => {
    setBusy(true)
    setError('')
    const result = await request()
    setBusy(false)
    setConfirming(null)
    if (!result.ok) return setError(result.error.fields ? Object.values(result.error.fields).join('；') : result.error.message)
    await after()
  }
  const fen = yuanToFen(amount)
  const askDecide = () => {
    if (decision === 'granted' && (fen === null || fen === undefined || fen <= 0)) return setError('请填写奖励金额（元）')
    if (reason.trim().length < 2) return setError('请填写理由')
    setError('')
    setConfirming('decide')
  }

  return (
    <InfoBlock label={concluding ? '举报办结' : '举报奖励'} className="station-case__report">
      <ErrorBanner message={error} />
      {concluding ? (
        <View className="station-case__report-conclude">
          <ChoiceGroup<'yes' | 'no'>
            label="核查结果"
            value={found}
            options={[
              { value: 'yes', label: '举报查实，存在违法行为', description: '举报人可申请举报奖励' },
              { value: 'no', label: '经核查未发现违法行为' },
            ]}
            onChange={setFound}
          />
          <ReasonField label="核查说明" name="finding" value={note} onChange={setNote} optional autoFocus={false} short />
          <ActionButton label="举报办结" busy={busy} onPress={() => setConfirming('conclude')} />
        </View>
      ) : null}
      {rewardable && reward ? (
        <View className="station-case__reward">
          <View className="station-case__reward-status" role="status">
            {reward.status ? reward.statusText : '举报人尚未申请奖励'}
            {reward.amountFen !== null ? `：${formatFen(reward.amountFen)}` : ''}
          </View>
          {reward.reason ? <View className="station-case__reward-reason">理由：{reward.reason}</View> : null}
          {reward.contact ? (
            <View className="station-case__reward-contact">
              申请人：{reward.contact.name}，电话 {reward.contact.phone}
              {reward.note ? `。${reward.note}` : ''}
            </View>
          ) : null}
          {reward.status === 'applied' ? (
            <View className="station-case__reward-form">
              <ChoiceGroup<'granted' | 'refused'>
                label="是否奖励"
                value={decision}
                options={[
                  { value: 'granted', label: '给予奖励' },
                  { value: 'refused', label: '不予奖励' },
                ]}
                onChange={setDecision}
              />
              {decision === 'granted' ? (
                <TextField
                  name="rewardAmount"
                  label="奖励金额（元）"
                  value={amount}
                  onChange={setAmount}
                  maxlength={12}
                  inputMode="decimal"
                  type="digit"
                />
              ) : null}
              <ReasonField label="奖励决定理由" name="rewardReason" value={reason} onChange={setReason} autoFocus={false} short />
              <ActionButton label="记录奖励决定" busy={busy} onPress={askDecide} />
            </View>
          ) : null}
        </View>
      ) : null}
      {confirming === 'conclude' ? (
        <ConfirmDialog
          title="确认举报办结？"
          message={found === 'yes' ? '办结后举报人可凭案件编号和查询码申请举报奖励，办结不能撤回。' : '办结后不能撤回。'}
          confirmLabel="确认办结"
          busy={busy}
          onConfirm={() =>
            void send(() => call('station', 'concludeReport', { caseId: detail.id, violationFound: found === 'yes', note }), reload)
          }
          onCancel={() => setConfirming(null)}
        />
      ) : null}
      {confirming === 'decide' ? (
        <ConfirmDialog
          title="确认奖励决定？"
          message="举报人将看到这个决定，记录后不能更改。"
          facts={[decision === 'granted' && fen ? `给予奖励 ${formatFen(fen)}` : '不予奖励', `理由：${reason}`]}
          confirmLabel="确认记录"
          busy={busy}
          onConfirm={() =>
            void send(
              () =>
                call('station', 'decideReportReward', {
                  caseId: detail.id,
                  decision,
                  amountFen: decision === 'granted' ? (fen ?? null) : null,
                  reason,
                }),
              loadReward,
            )
          }
          onCancel={() => setConfirming(null)}
        />
      ) : null}
    </InfoBlock>
  )
}
