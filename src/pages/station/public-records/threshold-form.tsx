import { View } from '@tarojs/components'
import { useState } from 'react'
import { call } from '../../../api'
import { ActionButton } from '../../../components/action-button'
import { useAdminSave } from '../../../components/admin-edit-form'
import { ErrorBanner } from '../../../components/feedback'
import { TextField } from '../../../components/text-field'
import type { ActionOutput } from '../../../domain/api/contract'
import { PUBLIC_THRESHOLD_MAX, PUBLIC_THRESHOLD_MIN } from '../../../domain/public-records/publication'
import { formatShanghaiDateTime } from '../../../domain/time'

type Settings = ActionOutput<'station', 'publicSettings'>

// N: a shop appears on the public page from N complaints in the window upward (never below 3).
export function ThresholdForm({ settings, onSaved }: { settings: Settings; onSaved: (s: Settings) => void }) {
  const [value, setValue] = useState(String(settings.threshold))
  // not a whole number: said here, before any call
  const [local, setLocal] = useState('')
  const [saved, setSaved] = useState('')
  const {
    errors,
    banner,
    busy,
    save: send,
    clearError,
  } = useAdminSave((s: Settings) => {
    setSaved('已保存，公示页面随即按新的门槛显示。')
    onSaved(s)
  })
  const save = async () => {
    setSaved('')
    const whole = /^\d+$/.test(value.trim())
    setLocal(whole ? '' : `请填写${PUBLIC_THRESHOLD_MIN}到${PUBLIC_THRESHOLD_MAX}之间的整数`)
    if (!whole) return
    await send(() => call('station', 'savePublicThreshold', { threshold: Number(value.trim()) }))
  }
  return (
    <View className="station-public__threshold">
      <TextField
        name="threshold"
        label="公示门槛（件）"
        value={value}
        onChange={(v) => {
          setValue(v)
          setLocal('')
          clearError('threshold')
          setSaved('')
        }}
        maxlength={3}
        inputMode="numeric"
        type="number"
        hint={`公示期内被投诉达到这个件数的商户才会公示，最少${PUBLIC_THRESHOLD_MIN}件`}
        error={local || errors.threshold}
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
