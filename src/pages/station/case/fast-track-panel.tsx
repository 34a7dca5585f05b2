import { View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { call } from '../../../api'
import { ActionButton } from '../../../components/action-button'
import { CheckBox } from '../../../components/check-box'
import { ChoiceGroup } from '../../../components/choice-group'
import { ConfirmDialog } from '../../../components/confirm-dialog'
import { ErrorBanner } from '../../../components/feedback'
import { InfoBlock } from '../../../components/info-block'
import { ReasonField } from '../../../components/reason-field'
import type { CaseDetail } from '../../../domain/case-view.schema'
import type { Result } from '../../../domain/errors'
import { assessUrgency } from '../../../domain/extract/urgency'
import {
  FAST_TRACK_REASON_LABELS,
  FAST_TRACK_REASONS,
  fastTrackOf,
  ON_SITE_PARTY_LABELS,
  suggestedReasons,
  type FastTrackReason,
  type OnSiteParty,
} from '../../../domain/workflow/fast-track'
import type { CaseAction } from '../../../domain/workflow/transitions'
import { currentLocation } from './check-in-location'

// 快速响应 at the desk (docs/domain.md "Fast-track"): the station decides with a ground and names who
// goes on site; the words of the complaint may hint at a ground (shown as a hint, never chosen for
// the station); 快反派单 asks once more; the member named checks in from the phone (with the
// location if they agree to send it); after closing, the team reports back. The buttons follow
// the steps the server offers this member of staff now (detail.actions).
export const FAST_TRACK_ACTIONS: readonly CaseAction[] = ['fastTrack', 'fastDispatch', 'staffCheckIn', 'fastTrackFeedback']

interface Props {
  detail: CaseDetail
  reload: () => Promise<void>
}

type Team = { staffId: string; displayName: string }[]

/** Who the 90 minutes wait for: the fast-track decision names them; otherwise the shop was asked. */
export function onSiteWaitText(detail: CaseDetail): string {
  const decided = fastTrackOf(detail.timeline)
  if (!decided) return '已要求商家到场，等待商家签到'
  if (decided.onSite === 'merchant') return '快速响应：已派商家代表到场，等待签到'
  const named = detail.timeline.find((e) => e.details?.kind === 'fast_track')?.details
  const who = named?.kind === 'fast_track' && named.staffName ? ` ${named.staffName} ` : ''
  return `快速响应：已派快反队员${who}到场，等待签到`
}

export function FastTrackPanel({ detail, reload }: Props) {
  const offered = FAST_TRACK_ACTIONS.filter((a) => detail.actions.includes(a))
  const [reason, setReason] = useState<FastTrackReason | ''>('')
  const [onSite, setOnSite] = useState<OnSiteParty>('team')
  const [staffId, setStaffId] = useState<string>('')
  const [team, setTeam] = useState<Team>([])
  const [note, setNote] = useState('')
  const [withLocation, setWithLocation] = useState(false)
  const [feedback, setFeedback] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const [done, setDone] = useState('')
  const [confirming, setConfirming] = useState(false)
  const deciding = offered.includes('fastTrack')

  useEffect(() => {
    if (!deciding) return
    void call('station', 'fastTrackTeam', {}).then((r) => {
      if (r.ok) setTeam(r.data.items)
    })
  }, [deciding])

  // after the last step (the check-in) nothing more is offered here, but its outcome must still be said
  if (offered.length === 0 && !done) return null
  const hints = suggestedReasons(assessUrgency(detail.description).signals)

  const run = async (send: () => Promise<Result<unknown>>, doneText: string) => {
    setBusy(true)
    setError('')
    const result = await send()
    setBusy(false)
    setConfirming(false)
    if (!result.ok) {
      setError(result.error.fields ? Object.values(result.error.fields).join('；') : result.error.message)
      return
    }
    setDone(doneText)
    await reload()
  }
  const decide = () => {
    if (!reason) {
      setError('请选择快速响应的理由')
      return
    }
    void run(
      () =>
        call('station', 'fastTrack', {
          caseId: detail.id,
          reason,
          onSite,
          staffId: onSite === 'team' && staffId ? staffId : undefined,
          note,
        }),
      '已启动快速响应，请在15分钟内派单',
    )
  }
  const checkIn = async () => {
    setBusy(true)
    const location = withLocation ? await currentLocation() : null
    await run(() => call('station', 'staffCheckIn', { caseId: detail.id, location }), location ? '已签到，并记录了签到位置' : '已签到')
  }

  const parties: OnSiteParty[] = detail.kind === 'report' ? ['team'] : ['team', 'merchant'] // a report never goes to its shop
  return (
    <InfoBlock label="快速响应" className="station-case__fast-track">
      <ErrorBanner message={error} />
      {done ? (
        <View className="station-case__fast-track-done" role="status">
          {done}
        </View>
      ) : null}
      {deciding ? (
        <View className="station-case__fast-track-form">
          {hints.length > 0 ? (
            <View className="station-case__fast-track-hint">
              投诉内容提示（仅供参考，由工作人员判断）：{hints.map((h) => FAST_TRACK_REASON_LABELS[h]).join('、')}
            </View>
          ) : null}
          <ChoiceGroup<FastTrackReason | ''>
            label="快速响应的理由"
            value={reason}
            options={FAST_TRACK_REASONS.map((r) => ({ value: r, label: FAST_TRACK_REASON_LABELS[r] }))}
            onChange={setReason}
          />
          <ChoiceGroup
            label="由谁到场"
            value={onSite}
            options={parties.map((p) => ({ value: p, label: ON_SITE_PARTY_LABELS[p] }))}
            onChange={setOnSite}
          />
          {onSite === 'team' && team.length > 0 ? (
            <ChoiceGroup
              label="到场的快反队员"
              value={staffId || ''}
              options={[{ value: '', label: '我本人' }, ...team.map((m) => ({ value: m.staffId, label: m.displayName }))]}
              onChange={setStaffId}
            />
          ) : null}
          <ReasonField label="快速响应说明" name="fastTrackNote" value={note} onChange={setNote} optional autoFocus={false} short />
          <ActionButton label="启动快速响应" busy={busy} busyText="正在提交…" onPress={decide} />
        </View>
      ) : null}
      {offered.includes('fastDispatch') ? <ActionButton label="快反派单" busy={busy} onPress={() => setConfirming(true)} /> : null}
      {offered.includes('staffCheckIn') ? (
        <View className="station-case__fast-track-checkin">
          <CheckBox label="同时记录我当前的位置（仅维权站可见）" checked={withLocation} onChange={setWithLocation} />
          <ActionButton label="我已到场，签到" busy={busy} busyText="正在签到…" onPress={() => void checkIn()} />
        </View>
      ) : null}
      {offered.includes('fastTrackFeedback') ? (
        <View className="station-case__fast-track-feedback">
          <ReasonField
            label="向派单人反馈处置情况（办结后24小时内）"
            name="fastTrackFeedback"
            value={feedback}
            onChange={setFeedback}
            autoFocus={false}
          />
          <ActionButton
            label="提交反馈"
            busy={busy}
            onPress={() => void run(() => call('station', 'fastTrackFeedback', { caseId: detail.id, reason: feedback }), '已反馈处置情况')}
          />
        </View>
      ) : null}
      {confirming ? (
        <ConfirmDialog
          title="确认快反派单？"
          message="派单后，到场人员须在90分钟内到达现场并签到，派单不能撤回。"
          confirmLabel="确认派单"
          busy={busy}
          onConfirm={() => void run(() => call('station', 'fastDispatch', { caseId: detail.id }), '已派单，90分钟到场时限开始计算')}
          onCancel={() => setConfirming(false)}
        />
      ) : null}
    </InfoBlock>
  )
}
