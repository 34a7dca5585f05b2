import { View } from '@tarojs/components'
import { useState } from 'react'
import { call } from '../../../api'
import { ActionButton } from '../../../components/action-button'
import { ErrorBanner } from '../../../components/feedback'
import { TextField } from '../../../components/text-field'
import type { ActionOutput } from '../../../domain/api/contract'
import { PUBLIC_THRESHOLD_MAX, PUBLIC_THRESHOLD_MIN } from '../../../domain/public-records/publication'
import { formatShanghaiDateTime } from '../../../domain/time'

type Settings = ActionOutput<'station', 'publicSettings'>

// N: a shop appears on the public page from N complaints in the window upward (never below 3).
export function ThresholdForm({ settings, onSaved }: { settings: Settings; onSaved: (s: Settings) => void }) {
  const [value, setValue] = useState(String(settings.threshold))
  const [error, setError] = useState('')
  const [banner, setBanner] = useState('')
  const [saved, setSaved] = useState('')
  const [busy, setBusy] = useState(false)
  const save = async () => {
    setSaved('')
    setBanner('')
    const threshold = Number(value.trim())
    if (!/^\d+$/.test(value.trim())) return setError(`请填写${PUBLIC_THRESHOLD_MIN}到${PUBLIC_THRESHOLD_MAX}之间的整数`)
    setBusy(true)
    const r = await call('station', 'savePublicThreshold', { threshold })
    setBusy(false)
    if (!r.ok) {
      setError(r.error.fields?.threshold ?? '')
      if (!r.error.fields?.threshold) setBanner(r.error.message)
      return
    }
    setError('')
    setSaved('已保存，公示页面随即按新的门槛显示。')
    onSaved(r.data)
  }
  return (
    <View className="station-public__threshold">
      <TextField
        name="threshold"
        label="公示门槛（件）"
        value={value}
        onChange={(v) => {
          setValue(v)
          setError('')
          setSaved('')
        }}
        maxlength={3}
        inputMode="numeric"
        type="number"
        hint={`公示期内被投诉达到这个件数的商户才会公示，最少${PUBLIC_THRESHOLD_MIN}件`}
        error={error}
      />
      {settings.updatedAt ? (
        <View className="station-public__meta">
          上次修改：{settings.updatedBy} · {formatShanghaiDateTime(settings.updatedAt)}
        </View>
      ) : null}
      <ErrorBanner message={banner} />
      <ActionButton label="保存公示门槛" busy={busy} busyText="正在保存…" onPress={() => void save()} />
      {saved ? (
        <View className="station-public__meta" role="status">
          {saved}
        </View>
      ) : null}
    </View>
  )
}
