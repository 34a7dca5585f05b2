import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useMemo, useState } from 'react'
import { call } from '../../../api'
import { ActionButton } from '../../../components/action-button'
import { ChoiceGroup } from '../../../components/choice-group'
import { ErrorBanner, LoadingState } from '../../../components/feedback'
import { PageShell } from '../../../components/page-shell'
import { ProgressBar } from '../../../components/progress-bar'
import { siteChoices } from '../../../components/site-choice'
import { TextField } from '../../../components/text-field'
import { ToggleSwitch } from '../../../components/toggle-switch'
import { PAGES, withQuery } from '../../routes'
import { download, loadSites, type DownloadProgress } from './download'
import { nextPartLabel, PART_NOTICE, partDone } from './export-parts'
import type { ExportRequest } from './export-request'
import { defaultsFor, progressPercent, progressText } from './report-ranges'
import './index.scss'

// 导出与报表 (issue 18.5, 18.6): the case list (CSV / XLSX, with a progress bar while it streams), the
// statistics (XLSX) and the printed reports (月度工作动态, 季度消费投诉形势分析 as PDF). Nothing here
// changes a case, so nothing asks for confirmation; asking for the complainants' details says plainly
// that every exported case goes on record in the access log.
const ALL_SITES = ''
// The mini-program makes each file in a cloud function and opens it on the phone (download.weapp.ts):
// no CSV there (the phone cannot open one), and at most CLOUD_EXPORT_MAX_ROWS cases per file: a larger
// range comes as numbered files, the next one offered by a button once the last has opened.
const IN_WEAPP = process.env.TARO_ENV === 'weapp'
type Format = 'xlsx' | 'csv'
type Job = 'cases' | 'stats' | 'monthly' | 'quarterly'

const JOB_LABELS: Record<Job, string> = {
  cases: '导出案件',
  stats: '导出统计',
  monthly: '月度工作动态',
  quarterly: '季度形势分析',
}

export default function StationReports() {
  const defaults = useMemo(() => defaultsFor(new Date()), [])
  const [sites, setSites] = useState<{ id: string; label: string }[] | null>(null)
  const [loadError, setLoadError] = useState('')
  const [siteId, setSiteId] = useState(ALL_SITES)
  const [from, setFrom] = useState(defaults.from)
  const [to, setTo] = useState(defaults.to)
  const [format, setFormat] = useState<Format>('xlsx')
  const [personal, setPersonal] = useState(false)
  const [month, setMonth] = useState(defaults.month)
  const [quarter, setQuarter] = useState(defaults.quarter)
  const [running, setRunning] = useState<Job | null>(null)
  const [progress, setProgress] = useState<DownloadProgress | null>(null)
  const [done, setDone] = useState('')
  // the next file of a case export split into several: its request as asked (later edits do not change it)
  const [next, setNext] = useState<{ request: ExportRequest; label: string } | null>(null)
  const [error, setError] = useState<{ message: string; fields?: Record<string, string> } | null>(null)
  const [isRegulator, setIsRegulator] = useState(false)
  // an administrator reads figures, never case contents: no case list, no month report (it names cases)
  const [readsCases, setReadsCases] = useState(true)

  useEffect(() => {
    void (async () => {
      const me = await call('station', 'me', {})
      if (!me.ok) {
        if (me.error.code === 'UNAUTHENTICATED' || me.error.code === 'FORBIDDEN') {
          void Taro.redirectTo({ url: withQuery(PAGES.stationLogin, { next: 'board' }) })
        } else setLoadError(me.error.message)
        return
      }
      setIsRegulator(me.data.role !== 'station')
      setReadsCases(me.data.role === 'station' || me.data.role === 'regulator')
      const listed = await loadSites()
      if (!listed.ok) return setLoadError(listed.error.message)
      const choices = siteChoices(listed.data)
      setSites(choices)
      if (choices.length === 1) setSiteId(choices[0].id)
    })()
  }, [])

  if (loadError) {
    return (
      <PageShell title="导出与报表" wide className="reports">
        <ErrorBanner message={loadError} />
      </PageShell>
    )
  }
  if (!sites) {
    return (
      <PageShell title="导出与报表" wide>
        <LoadingState />
      </PageShell>
    )
  }

  const site = siteId || undefined
  const range = { from: from.trim(), to: to.trim() }
  const requests: Record<Job, ExportRequest> = {
    cases: { job: 'cases', ...range, format: IN_WEAPP ? 'xlsx' : format, personal, siteId: site },
    stats: { job: 'stats', ...range, siteId: site },
    monthly: { job: 'monthly', month: month.trim(), siteId: site },
    quarterly: { job: 'quarterly', quarter: quarter.trim().toUpperCase(), siteId: site },
  }
  const run = async (job: Job, request: ExportRequest = requests[job]) => {
    setRunning(job)
    setError(null)
    setDone('')
    setNext(null)
    setProgress(null)
    const result = await download(request, setProgress)
    setRunning(null)
    if (!result.ok) return setError({ message: result.error.message, fields: result.error.fields })
    const { part } = result.data
    const said = `${JOB_LABELS[job]}${result.data.opened ? '已生成并打开' : '已下载'}：${result.data.fileName}`
    setDone(part ? `${said}。${partDone(part)}` : said)
    const label = part && request.job === 'cases' ? nextPartLabel(part) : null
    if (part && label && request.job === 'cases') setNext({ request: { ...request, part: part.index + 1, until: part.until }, label })
  }
  const percent = progress ? progressPercent(progress) : null
  const busy = running !== null

  return (
    <PageShell title="导出与报表" wide elderlySwitch className="reports">
      {sites.length > 1 || isRegulator ? (
        <View className="reports__section">
          <View className="reports__heading" role="heading" aria-level={2} id="reports-site">
            站点
          </View>
          <ChoiceGroup
            label="站点"
            labelledBy="reports-site"
            value={siteId}
            options={[
              ...(isRegulator && sites.length > 1 ? [{ value: ALL_SITES, label: '全部站点' }] : []),
              ...sites.map((s) => ({ value: s.id, label: s.label })),
            ]}
            onChange={setSiteId}
          />
        </View>
      ) : null}

      <View className="reports__section">
        <View className="reports__heading" role="heading" aria-level={2}>
          案件与统计
        </View>
        <View className="reports__range">
          <TextField
            name="from"
            label="开始日期"
            hint="格式：2026-03-01，按登记（收到）日期"
            value={from}
            onChange={setFrom}
            maxlength={10}
            error={error?.fields?.from}
          />
          <TextField name="to" label="结束日期" hint="包含这一天" value={to} onChange={setTo} maxlength={10} error={error?.fields?.to} />
        </View>
        {readsCases ? null : (
          <View className="reports__notice" role="note">
            管理员只导出统计数字；案件清单和月度工作动态由维权站或监管导出
          </View>
        )}
        {readsCases ? (
          <>
            <View className="reports__subheading" id="reports-format">
              案件文件格式
            </View>
            <ChoiceGroup<Format>
              label="案件文件格式"
              labelledBy="reports-format"
              value={format}
              options={[
                { value: 'xlsx', label: 'Excel（XLSX）' },
                ...(IN_WEAPP ? [] : [{ value: 'csv' as const, label: 'CSV', description: '可显示已接收的件数' }]),
              ]}
              onChange={setFormat}
            />
            {IN_WEAPP ? (
              <View className="reports__notice" role="note">
                {PART_NOTICE}
              </View>
            ) : null}
            <ToggleSwitch
              id="reports-personal"
              label="含投诉人信息"
              checked={personal}
              onChange={setPersonal}
              description="不选时姓名、电话打码"
            />
            {personal ? (
              <View className="reports__notice" role="note">
                导出含投诉人信息，将记入访问日志
              </View>
            ) : null}
          </>
        ) : null}
        <View className="reports__buttons">
          {readsCases ? (
            <ActionButton
              label="导出案件"
              onPress={() => void run('cases')}
              busy={running === 'cases'}
              busyText="正在导出…"
              disabled={busy}
            />
          ) : null}
          <ActionButton
            label="导出统计（XLSX）"
            onPress={() => void run('stats')}
            variant="secondary"
            busy={running === 'stats'}
            busyText="正在导出…"
            disabled={busy}
          />
        </View>
      </View>

      <View className="reports__section">
        <View className="reports__heading" role="heading" aria-level={2}>
          报表（PDF，下载后可直接打印）
        </View>
        <View className="reports__range">
          {readsCases ? (
            <TextField
              name="month"
              label="月份"
              hint="格式：2026-03"
              value={month}
              onChange={setMonth}
              maxlength={7}
              error={error?.fields?.month}
            />
          ) : null}
          <TextField
            name="quarter"
            label="季度"
            hint="格式：2026-Q1"
            value={quarter}
            onChange={setQuarter}
            maxlength={7}
            error={error?.fields?.quarter}
          />
        </View>
        <View className="reports__buttons">
          {readsCases ? (
            <ActionButton
              label="月度工作动态"
              onPress={() => void run('monthly')}
              busy={running === 'monthly'}
              busyText="正在生成…"
              disabled={busy}
            />
          ) : null}
          <ActionButton
            label="季度形势分析"
            onPress={() => void run('quarterly')}
            variant="secondary"
            busy={running === 'quarterly'}
            busyText="正在生成…"
            disabled={busy}
          />
        </View>
      </View>

      <View className="reports__status" aria-live="polite">
        {running && progress ? (
          <View className="reports__progress">
            {percent !== null ? (
              <ProgressBar value={percent} label={`${JOB_LABELS[running]}进度`} />
            ) : (
              <View className="reports__activity" aria-hidden />
            )}
            <View className="reports__progress-text">{progressText(progress)}</View>
          </View>
        ) : null}
        {done ? <View className="reports__done">{done}</View> : null}
      </View>
      {next && !busy ? <ActionButton label={next.label} onPress={() => void run('cases', next.request)} /> : null}
      {error ? <ErrorBanner message={error.message} /> : null}
    </PageShell>
  )
}
