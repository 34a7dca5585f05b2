import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { call } from '../../../api'
import { ActionButton } from '../../../components/action-button'
import { ErrorBanner, LoadingState } from '../../../components/feedback'
import { PageShell } from '../../../components/page-shell'
import type { FieldErrors } from '../../../domain/errors'
import { scrollToField } from '../../../hooks/scroll-to-field'
import { useRemote } from '../../../hooks/use-remote'
import { PAGES, withQuery } from '../../routes'
import { CONTACTS_PAGE } from '../contacts/paths'
import { AmountField } from './amount-field'
import { clockFields, settingsFrom, type ClockField, type ClockUnit, type SiteClocks } from './clock-fields'
import './index.scss'

// 时限设置: the site's own numbers for every clock (docs/domain.md: each number is a default that a site
// may change). Each clock shows the number that applies now; staff change it, save, and the
// server's Chinese error (至少1分钟…) appears under the field it is about. Saving never moves a
// running clock: only clocks started from now on use the new numbers, which the page says.
const GROUPS: { unit: ClockUnit; title: string }[] = [
  { unit: 'minutes', title: '分钟时限（现场承诺）' },
  { unit: 'hours', title: '小时时限' },
  { unit: 'working_days', title: '工作日时限（节假日不计）' },
]

const valuesOf = (fields: ClockField[]) => Object.fromEntries(fields.map((f) => [f.key, String(f.amount)]))

export default function StationClockSettings() {
  const load = useCallback(() => call('station', 'getClockSettings', {}), [])
  const { state, retry } = useRemote(load)
  const [view, setView] = useState<SiteClocks | null>(null)
  const [values, setValues] = useState<Record<string, string>>({})
  const [errors, setErrors] = useState<FieldErrors>({})
  const [banner, setBanner] = useState('')
  const [saved, setSaved] = useState('')
  const [busy, setBusy] = useState(false)

  // the loaded numbers fill the form once; after a save the server's answer refills it
  const loaded = state.status === 'ready' ? state.data : null
  useEffect(() => {
    if (!loaded) return
    setView(loaded)
    setValues(valuesOf(clockFields(loaded)))
  }, [loaded])

  const signedOut = state.status === 'failed' && (state.error.code === 'UNAUTHENTICATED' || state.error.code === 'FORBIDDEN')
  useEffect(() => {
    if (signedOut) void Taro.redirectTo({ url: withQuery(PAGES.stationLogin, { next: 'board' }) })
  }, [signedOut])

  if (state.status === 'failed' && !signedOut) {
    return (
      <PageShell title="时限设置" wide className="clock-settings">
        <ErrorBanner message={state.error.fields?.siteId ?? state.error.message} />
        <ActionButton label="重试" onPress={retry} />
      </PageShell>
    )
  }
  if (!view) {
    return (
      <PageShell title="时限设置" wide>
        <LoadingState />
      </PageShell>
    )
  }

  const fields = clockFields(view)
  const edit = (key: string, value: string) => {
    setValues((all) => ({ ...all, [key]: value }))
    setSaved('') // "已保存" no longer describes what is on screen
    if (!errors[key]) return
    const rest = { ...errors }
    delete rest[key] // the error was about the old number
    setErrors(rest)
  }
  const save = async () => {
    setSaved('')
    setBanner('')
    const built = settingsFrom(fields, values)
    const found = 'errors' in built ? built.errors : {}
    setErrors(found)
    if ('errors' in built) return scrollToField(Object.keys(found)[0])
    setBusy(true)
    const result = await call('station', 'saveClockSettings', { settings: built.settings })
    setBusy(false)
    if (!result.ok) {
      const fieldErrors = result.error.fields ?? {}
      setErrors(fieldErrors)
      if (Object.keys(fieldErrors).length > 0) scrollToField(Object.keys(fieldErrors)[0])
      else setBanner(result.error.message)
      return
    }
    setView(result.data)
    setValues(valuesOf(clockFields(result.data)))
    setSaved('已保存。新的时限适用于此后开始计时的案件。')
  }

  const leftover = Object.entries(errors).find(([key]) => !fields.some((f) => f.key === key))?.[1]
  return (
    <PageShell title="时限设置" wide className="clock-settings">
      <View className="clock-settings__intro">
        <View className="clock-settings__site">{view.siteName}</View>
        <View>修改后只对此后开始计时的案件生效；正在计时的案件仍按原来的期限，不会改变。</View>
      </View>
      {GROUPS.map((group) => (
        <View className="clock-settings__group" key={group.unit}>
          <View className="clock-settings__group-title" role="heading" aria-level={2}>
            {group.title}
          </View>
          <View className="clock-settings__grid">
            {fields
              .filter((f) => f.unit === group.unit)
              .map((field) => (
                <AmountField
                  key={field.key}
                  field={field}
                  value={values[field.key] ?? ''}
                  onChange={(v) => edit(field.key, v)}
                  error={errors[field.key]}
                />
              ))}
          </View>
        </View>
      ))}
      <ErrorBanner message={banner || leftover} />
      <View className="clock-settings__saved" role="status">
        {saved}
      </View>
      <View className="clock-settings__actions">
        <ActionButton label="保存时限设置" busy={busy} busyText="正在保存…" onPress={() => void save()} />
        <ActionButton label="通知联系人" variant="secondary" onPress={() => Taro.navigateTo({ url: CONTACTS_PAGE })} />
        <ActionButton label="返回工作台" variant="quiet" onPress={() => Taro.redirectTo({ url: PAGES.stationBoard })} />
      </View>
    </PageShell>
  )
}
