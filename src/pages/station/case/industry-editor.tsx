import { View } from '@tarojs/components'
import { useState } from 'react'
import { call } from '../../../api'
import { ActionButton } from '../../../components/action-button'
import { ErrorBanner } from '../../../components/feedback'
import { InfoBlock } from '../../../components/info-block'
import { ReasonField } from '../../../components/reason-field'
import { SelectField } from '../../../components/select-field'
import { INDUSTRY_LINES, type IndustryLine } from '../../../domain/industry'

// 所属行业 at the desk: the shopper no longer picks it (filing derives it from the complaint's words or
// the shop's registered line), so staff correct it here. The change is on record: the server writes a
// timeline event with who, from what, to what and the optional reason (station.setIndustry). Changing
// it back is another change of the same kind, so it needs no confirmation.
interface Props {
  caseId: string
  industry: IndustryLine
  /** reload the case: the timeline then shows the change */
  onChanged: () => void
}

export function IndustryEditor({ caseId, industry, onChanged }: Props) {
  const [editing, setEditing] = useState(false)
  const [to, setTo] = useState<IndustryLine>(industry)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<{ message?: string; field?: string }>({})
  const [done, setDone] = useState('')

  const open = () => {
    setTo(industry)
    setReason('')
    setError({})
    setDone('')
    setEditing(true)
  }
  const save = async () => {
    setBusy(true)
    const result = await call('station', 'setIndustry', { caseId, industry: to, reason })
    setBusy(false)
    if (!result.ok) {
      setError({ message: result.error.message, field: result.error.fields?.industry })
      return
    }
    setEditing(false)
    setDone(`已将所属行业改为「${to}」`)
    onChanged()
  }

  return (
    <InfoBlock label="所属行业" className="station-case__industry">
      <View className="station-case__industry-now">{industry}</View>
      {done ? (
        <View className="station-case__industry-done" role="status">
          {done}
        </View>
      ) : null}
      {editing ? (
        <View className="station-case__industry-form">
          <ErrorBanner message={error.field ? undefined : error.message} />
          <SelectField
            name="industry"
            label="新的所属行业"
            value={to}
            options={INDUSTRY_LINES}
            onChange={(value) => setTo(INDUSTRY_LINES.find((line) => line === value) ?? to)}
            placeholder="请选择所属行业"
            error={error.field}
          />
          <View className="station-case__industry-note">更改和原因会记入处理进度，投诉人和商家都能看到。</View>
          <ReasonField label="更改原因" optional short autoFocus={false} name="industryReason" value={reason} onChange={setReason} />
          <View className="station-case__industry-buttons">
            <ActionButton label="保存所属行业" busy={busy} busyText="正在保存…" disabled={to === industry} onPress={() => void save()} />
            <ActionButton label="取消" variant="quiet" onPress={() => setEditing(false)} />
          </View>
        </View>
      ) : (
        <ActionButton label="更改所属行业" variant="secondary" onPress={open} />
      )}
    </InfoBlock>
  )
}
