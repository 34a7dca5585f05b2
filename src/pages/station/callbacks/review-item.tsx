import { View } from '@tarojs/components'
import { useState } from 'react'
import { call } from '../../../api'
import { ActionButton } from '../../../components/action-button'
import { ConfirmDialog } from '../../../components/confirm-dialog'
import { ErrorBanner } from '../../../components/feedback'
import { ReasonField } from '../../../components/reason-field'
import type { ActionOutput } from '../../../domain/api/contract'
import { formatShanghaiDateTime } from '../../../domain/time'

// A rating below 80 % on the station head's list (docs/callbacks.md "The review rule"): the scores,
// and either the review recorded (what was found, what changed, who, when) or the form to record it.
type Review = ActionOutput<'station', 'ratingReviews'>['items'][number]

export function ReviewItem({ review, onReviewed }: { review: Review; onReviewed: () => void }) {
  const [findings, setFindings] = useState('')
  const [changes, setChanges] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [banner, setBanner] = useState('')
  const [asking, setAsking] = useState(false)
  const [busy, setBusy] = useState(false)
  const save = async () => {
    setBusy(true)
    const r = await call('station', 'reviewRating', { eventId: review.eventId, findings, changes })
    setBusy(false)
    setAsking(false)
    if (!r.ok) {
      setErrors(r.error.fields ?? {})
      return setBanner(r.error.fields ? '' : r.error.message)
    }
    onReviewed()
  }
  const id = review.eventId
  return (
    <View className="station-callbacks__item">
      <View className="station-callbacks__line">案件编号：{review.caseNo}</View>
      <View className="station-callbacks__line">
        评价：办理速度 {review.speed} 分，专业程度 {review.professionalism} 分，服务态度 {review.attitude} 分（{review.percent}%），
        {review.satisfied ? '满意' : '不满意'}
      </View>
      <View className="station-callbacks__line">评价时间：{formatShanghaiDateTime(review.ratedAt)}</View>
      {review.status === 'reviewed' ? (
        <>
          <View className="station-callbacks__line">状态：已复核</View>
          <View className="station-callbacks__line">发现的问题：{review.findings}</View>
          <View className="station-callbacks__line">改进措施：{review.changes}</View>
          <View className="station-callbacks__line">
            复核人：{review.reviewedBy}，{review.reviewedAt ? formatShanghaiDateTime(review.reviewedAt) : ''}
          </View>
        </>
      ) : (
        <>
          <View className="station-callbacks__line">状态：待复核</View>
          <ReasonField
            label="发现的问题"
            name={`findings-${id}`}
            value={findings}
            onChange={setFindings}
            error={errors.findings}
            autoFocus={false}
            short
          />
          <ReasonField
            label="改进措施"
            name={`changes-${id}`}
            value={changes}
            onChange={setChanges}
            error={errors.changes}
            autoFocus={false}
            short
          />
          <ErrorBanner message={banner} />
          <ActionButton label="记录复核结果" onPress={() => setAsking(true)} />
          {asking ? (
            <ConfirmDialog
              title="记录复核结果？"
              message="复核结果记录后不能修改，将与复核人和时间一起保存。"
              facts={[`案件编号：${review.caseNo}`, `发现的问题：${findings.trim()}`, `改进措施：${changes.trim()}`]}
              confirmLabel="确认记录"
              busy={busy}
              onConfirm={() => void save()}
              onCancel={() => setAsking(false)}
            />
          ) : null}
        </>
      )}
    </View>
  )
}
