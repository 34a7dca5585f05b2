import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { call } from '../../../api'
import { ActionButton } from '../../../components/action-button'
import { ErrorBanner, LoadingState } from '../../../components/feedback'
import { PageShell } from '../../../components/page-shell'
import type { FieldErrors } from '../../../domain/errors'
import { StatsQuerySchema, type StatsQuery } from '../../../domain/metrics/stats-query.schema'
import { formatShanghaiDateTime } from '../../../domain/time'
import { useElderlyMode } from '../../../hooks/use-elderly-mode'
import { useRemote } from '../../../hooks/use-remote'
import { todayInShanghai } from '../../../hooks/shanghai-today'
import { PAGES, withQuery } from '../../routes'
import { MetricDefinitions } from './metric-definitions'
import { REPORTS_PAGE } from './paths'
import { checkForm, defaultForm, formOf, inputOf, type QueryForm } from './query-form-state'
import { QueryFormView } from './query-form'
import { SavedQueries, type SavedItem } from './saved-queries'
import { ChartSections, FiguresTable } from './stats-sections'
import './index.scss'

// 统计 (issue 18): the figures of a station's own site — or, for a regulator, of every site or one — over
// a range, per period; the weekly trend, bars by industry line and problem type, the most complained-about
// shops, the weekday × hour heat map. Every chart has its data table under it. The figures are as exact
// as the watermark says (统计截至). ECharts is imported by this page alone (chart-svg.ts).
export default function StationStats() {
  const today = todayInShanghai()
  const [elderly] = useElderlyMode()
  const [form, setForm] = useState<QueryForm>(() => defaultForm(today))
  // the default form is whole months ending this month: always a valid query
  const [query, setQuery] = useState<StatsQuery>(() => StatsQuerySchema.parse(inputOf(defaultForm(today))))
  const [errors, setErrors] = useState<FieldErrors>({})
  const load = useCallback(() => call('station', 'stats', query), [query])
  const { state, reload, retry } = useRemote(load)
  const saved = useRemote(useCallback(() => call('station', 'listStatsQueries', {}), []))
  const [busy, setBusy] = useState(false)
  const [saveError, setSaveError] = useState('')
  const [done, setDone] = useState('')

  const firstQuery = useRef(query)
  useEffect(() => {
    if (query !== firstQuery.current) void reload()
  }, [query, reload])

  const failedCode = state.status === 'failed' ? state.error.code : null
  useEffect(() => {
    if (failedCode === 'UNAUTHENTICATED') void Taro.redirectTo({ url: withQuery(PAGES.stationLogin, { reason: 'expired' }) })
  }, [failedCode])

  const submit = (next = form) => {
    const checked = checkForm(next)
    if (!checked.ok) return setErrors(checked.errors)
    setErrors({})
    setDone('')
    setQuery(checked.query)
  }
  const save = async (name: string) => {
    const checked = checkForm(form)
    if (!checked.ok) {
      setErrors(checked.errors)
      return false
    }
    setBusy(true)
    const r = await call('station', 'saveStatsQuery', { name, query: checked.query })
    setBusy(false)
    if (!r.ok) {
      setSaveError(r.error.fields?.name ?? r.error.message)
      return false
    }
    setSaveError('')
    setDone(`已保存“${r.data.name}”。`)
    await saved.reload()
    return true
  }
  const open = (item: SavedItem) => {
    const next = formOf(item.query)
    setForm(next)
    submit(next)
  }
  const remove = async (item: SavedItem) => {
    setBusy(true)
    const r = await call('station', 'deleteStatsQuery', { id: item.id })
    setBusy(false)
    setDone(r.ok ? `已删除“${item.name}”。` : r.error.message)
    await saved.reload()
  }

  const nav = (
    <View className="stats-nav">
      <ActionButton label="返回工作台" variant="quiet" onPress={() => Taro.redirectTo({ url: PAGES.stationBoard })} />
      <ActionButton label="导出与报表" variant="secondary" onPress={() => Taro.navigateTo({ url: REPORTS_PAGE })} />
    </View>
  )
  if (state.status === 'loading') {
    return (
      <PageShell title="统计" wide elderlySwitch>
        <LoadingState text="正在统计…" />
      </PageShell>
    )
  }
  const view = state.status === 'ready' ? state.data : null
  return (
    <PageShell title="统计" wide elderlySwitch className="stats">
      {nav}
      <View className="stats-card stats-scope">
        <View className="stats-scope__site">{view ? (view.siteName ?? '全部站点') : ''}</View>
        <View className="stats-scope__mark" role="status">
          {view ? (view.watermark ? `统计截至 ${formatShanghaiDateTime(view.watermark)}` : '统计数据尚未生成，请稍后再看') : ''}
        </View>
      </View>
      <QueryFormView
        form={form}
        errors={errors}
        today={today}
        sites={view?.sites ?? []}
        tags={view?.byTag?.bars ?? (view?.tag ? [view.tag] : [])}
        busy={busy}
        onChange={setForm}
        onSubmit={() => submit()}
      />
      {done ? (
        <View className="stats-done" role="status">
          {done}
        </View>
      ) : null}
      {state.status === 'failed' ? (
        <View>
          <ErrorBanner message={state.error.message} />
          <ActionButton label="重试" onPress={retry} />
        </View>
      ) : null}
      {view ? (
        <View>
          <FiguresTable view={view} />
          <ChartSections view={view} elderly={elderly} />
        </View>
      ) : null}
      <SavedQueries
        items={saved.state.status === 'ready' ? saved.state.data.items : []}
        nameError={saveError}
        busy={busy}
        onSave={save}
        onOpen={open}
        onDelete={remove}
      />
      <MetricDefinitions />
    </PageShell>
  )
}
