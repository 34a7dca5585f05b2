import { View } from '@tarojs/components'
import { useState } from 'react'
import { call } from '../../../api'
import { ActionButton } from '../../../components/action-button'
import { useAdminSave } from '../../../components/admin-edit-form'
import { ErrorBanner } from '../../../components/feedback'
import { TextField } from '../../../components/text-field'
import type { BurstSettingsView } from '../../../domain/similarity/burst-api'
import { BURST_K_MAX, BURST_K_MIN, BURST_WINDOW_HOURS_MAX, BURST_WINDOW_HOURS_MIN } from '../../../domain/similarity/burst-settings'
import { formatShanghaiDateTime } from '../../../domain/time'

// 预警条件 (docs/bursts-and-similar-cases.md): the site's own K and window. Changing them is reversible
// (save the old figures again), so there is no confirmation; the next burst pass (within a minute) uses them.
const WHOLE = /^\d+$/

export function BurstRuleForm({ settings, onSaved }: { settings: BurstSettingsView; onSaved: (s: BurstSettingsView) => void }) {
  const [k, setK] = useState(String(settings.k))
  const [hours, setHours] = useState(String(settings.windowHours))
  // the typed figures' own problems (not whole numbers) are found here, before any call
  const [local, setLocal] = useState<{ k?: string; windowHours?: string }>({})
  const [saved, setSaved] = useState('')
  const {
    errors,
    banner,
    busy,
    save: send,
    clearError,
  } = useAdminSave((s: BurstSettingsView) => {
    setSaved(`已保存：同一商家或同一商品 ${s.k} 件相似投诉 / ${s.windowHours} 小时内即预警。`)
    onSaved(s)
  })

  const save = async () => {
    setSaved('')
    const problems = {
      k: WHOLE.test(k.trim()) ? undefined : `请填写${BURST_K_MIN}到${BURST_K_MAX}之间的整数`,
      windowHours: WHOLE.test(hours.trim()) ? undefined : `请填写${BURST_WINDOW_HOURS_MIN}到${BURST_WINDOW_HOURS_MAX}之间的整数`,
    }
    setLocal(problems)
    if (problems.k || problems.windowHours) return
    await send(() => call('station', 'saveBurstSettings', { k: Number(k.trim()), windowHours: Number(hours.trim()) }))
  }

  const edit = (field: 'k' | 'windowHours', set: (v: string) => void) => (v: string) => {
    set(v)
    setLocal((e) => ({ ...e, [field]: undefined }))
    clearError(field)
    setSaved('')
  }
  return (
    <View className="station-bursts__rule" role="group" aria-label="预警条件">
      <View className="station-bursts__title" role="heading" aria-level={2}>
        预警条件
      </View>
      <View>
        当前：同一商家或同一商品 {settings.k} 件相似投诉 / {settings.windowHours} 小时内
      </View>
      <TextField
        name="burstK"
        label="同一商家或同一商品的相似投诉（件）"
        value={k}
        onChange={edit('k', setK)}
        maxlength={2}
        inputMode="numeric"
        type="number"
        hint={`${BURST_K_MIN}到${BURST_K_MAX}件`}
        error={local.k ?? errors.k}
      />
      <TextField
        name="burstWindowHours"
        label="在多少小时内（小时）"
        value={hours}
        onChange={edit('windowHours', setHours)}
        maxlength={3}
        inputMode="numeric"
        type="number"
        hint={`${BURST_WINDOW_HOURS_MIN}到${BURST_WINDOW_HOURS_MAX}小时`}
        error={local.windowHours ?? errors.windowHours}
      />
      {settings.updatedAt ? (
        <View className="station-bursts__meta">
          上次修改：{settings.updatedBy} · {formatShanghaiDateTime(settings.updatedAt)}
        </View>
      ) : null}
      <ErrorBanner message={banner} />
      <ActionButton label="保存" busy={busy} busyText="正在保存…" onPress={() => void save()} />
      {saved ? <View role="status">{saved}</View> : null}
    </View>
  )
}
