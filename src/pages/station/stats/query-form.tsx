import { View } from '@tarojs/components'
import { ActionButton } from '../../../components/action-button'
import { Disclosure } from '../../../components/disclosure'
import { RadioGroupField } from '../../../components/radio-group'
import { SelectField } from '../../../components/select-field'
import { TextField } from '../../../components/text-field'
import { PROBLEM_TYPES } from '../../../domain/classification'
import type { FieldErrors } from '../../../domain/errors'
import { INDUSTRY_LINES } from '../../../domain/industry'
import { STATS_UNITS, STATS_UNIT_LABELS, type StatsUnit } from '../../../domain/metrics/stats-query.schema'
import { ALL, CHANNEL_OPTIONS, KIND_OPTIONS, quickRanges, type QueryForm } from './query-form-state'

// 查询条件: the period and the range (with quick whole-month ranges), a site for those who may choose one,
// and, folded, the filters that make a custom query (行业、问题类型、类别、渠道).
interface Props {
  form: QueryForm
  errors: FieldErrors
  today: string
  sites: readonly { id: string; name: string }[]
  /** the tags to choose from (按标签): the last answer's tag bars */
  tags: readonly { id: string; name: string }[]
  busy: boolean
  onChange: (form: QueryForm) => void
  onSubmit: () => void
}

const withAll = (options: readonly string[]) => [ALL, ...options]
const fromAll = (value: string) => (value === ALL ? '' : value)

export function QueryFormView({ form, errors, today, sites, tags, busy, onChange, onSubmit }: Props) {
  const set = (patch: Partial<QueryForm>) => onChange({ ...form, ...patch })
  const filtered = !!(form.industry || form.problemType || form.kind || form.channel || form.tag)
  const tagName = (id: string) => tags.find((t) => t.id === id)?.name ?? id
  const siteLabel = (id: string) => sites.find((s) => s.id === id)?.name ?? ''
  return (
    <View className="stats-card stats-form" role="search" aria-label="统计条件">
      <RadioGroupField<StatsUnit>
        name="unit"
        label="统计周期"
        value={form.unit}
        columns={3}
        options={STATS_UNITS.map((u) => ({ value: u, label: STATS_UNIT_LABELS[u] }))}
        onChange={(unit) => set({ unit })}
        error={errors.unit}
      />
      <View className="stats-form__quick" role="group" aria-label="常用时间段">
        {quickRanges(today).map((r) => (
          <ActionButton
            key={r.label}
            className="stats-form__quick-button"
            label={r.label}
            variant={form.from === r.from && form.to === r.to ? 'primary' : 'secondary'}
            onPress={() => set({ from: r.from, to: r.to })}
          />
        ))}
      </View>
      <View className="stats-form__range">
        <TextField
          name="from"
          label="开始日期"
          value={form.from}
          onChange={(from) => set({ from })}
          maxlength={10}
          hint="例如 2026-01-01"
          error={errors.from}
        />
        <TextField
          name="to"
          label="结束日期"
          value={form.to}
          onChange={(to) => set({ to })}
          maxlength={10}
          hint="含当天"
          error={errors.to}
        />
      </View>
      {sites.length > 0 ? (
        <SelectField
          name="siteId"
          label="站点"
          value={form.siteId ? siteLabel(form.siteId) : '全部站点'}
          options={['全部站点', ...sites.map((s) => s.name)]}
          placeholder="全部站点"
          onChange={(name) => set({ siteId: sites.find((s) => s.name === name)?.id ?? '' })}
        />
      ) : null}
      <Disclosure id="stats-filters" title="更多筛选（自定义查询）" summary="行业、问题类型、类别、渠道、标签" open={filtered}>
        <SelectField
          name="industry"
          label="行业"
          value={form.industry || ALL}
          options={withAll(INDUSTRY_LINES)}
          placeholder={ALL}
          onChange={(v) => set({ industry: fromAll(v) })}
          error={errors.industry}
        />
        <SelectField
          name="problemType"
          label="问题类型"
          value={form.problemType || ALL}
          options={withAll(PROBLEM_TYPES)}
          placeholder={ALL}
          onChange={(v) => set({ problemType: fromAll(v) })}
          error={errors.problemType}
        />
        <SelectField
          name="kind"
          label="类别"
          value={form.kind || ALL}
          options={withAll(KIND_OPTIONS.map(([, l]) => l))}
          placeholder={ALL}
          onChange={(v) => set({ kind: fromAll(v) })}
        />
        <SelectField
          name="channel"
          label="投诉渠道"
          value={form.channel || ALL}
          options={withAll(CHANNEL_OPTIONS.map(([, l]) => l))}
          placeholder={ALL}
          onChange={(v) => set({ channel: fromAll(v) })}
        />
        <SelectField
          name="tag"
          label="标签"
          value={form.tag ? tagName(form.tag) : ALL}
          options={withAll(tags.map((t) => t.name))}
          placeholder={ALL}
          hint="按标签统计只能统计整月，且不能同时按行业、问题类型、渠道筛选"
          onChange={(v) => set({ tag: tags.find((t) => t.name === v)?.id ?? '' })}
          error={errors.tag}
        />
      </Disclosure>
      <ActionButton label="查询" busy={busy} busyText="正在统计…" onPress={onSubmit} />
    </View>
  )
}
