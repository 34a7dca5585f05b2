import { View } from '@tarojs/components'
import { useState } from 'react'
import { call } from '../../../api'
import { ActionButton } from '../../../components/action-button'
import { ConfirmDialog } from '../../../components/confirm-dialog'
import { ErrorBanner } from '../../../components/feedback'
import { ReasonField } from '../../../components/reason-field'

// The station's decision on an objection: uphold (the shop's figures so far are withdrawn from the
// page) or reject (the entry stays), always with a reason. A decision is final, so it asks first.
export function DecideObjection({
  objectionId,
  merchantName,
  onDecided,
}: {
  objectionId: string
  merchantName: string
  onDecided: () => void
}) {
  const [reason, setReason] = useState('')
  const [error, setError] = useState('')
  const [banner, setBanner] = useState('')
  const [asking, setAsking] = useState<boolean | null>(null)
  const [busy, setBusy] = useState(false)
  const decide = async (uphold: boolean) => {
    setBusy(true)
    const r = await call('station', 'decideObjection', { objectionId, uphold, reason })
    setBusy(false)
    setAsking(null)
    if (!r.ok) {
      setError(r.error.fields?.reason ?? '')
      setBanner(r.error.fields ? '' : r.error.message)
      return
    }
    onDecided()
  }
  return (
    <View className="station-public__decide">
      <ReasonField
        label="处理意见"
        name={`decision-${objectionId}`}
        value={reason}
        onChange={(v) => {
          setReason(v)
          setError('')
        }}
        error={error}
        autoFocus={false}
        short
      />
      <ErrorBanner message={banner} />
      <ActionButton label="异议成立，撤下公示" onPress={() => setAsking(true)} />
      <ActionButton label="异议不成立，继续公示" variant="secondary" onPress={() => setAsking(false)} />
      {asking !== null ? (
        <ConfirmDialog
          title={asking ? '撤下该商户的公示？' : '驳回异议、继续公示？'}
          message={
            asking
              ? '异议成立：该商户截至异议所指月份的公示数据将从公示页面撤下。处理后不能更改。'
              : '异议不成立：该商户继续公示。处理后不能更改。'
          }
          facts={[`商户：${merchantName}`, `处理意见：${reason.trim()}`]}
          confirmLabel={asking ? '确认撤下' : '确认驳回'}
          busy={busy}
          onConfirm={() => void decide(asking)}
          onCancel={() => setAsking(null)}
        />
      ) : null}
    </View>
  )
}
