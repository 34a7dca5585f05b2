import { View } from '@tarojs/components'
import { ChoiceGroup } from '../../../components/choice-group'
import { CLOCK_COLOUR_LABELS } from '../../../components/clock-badge'
import { SelectField } from '../../../components/select-field'
import { TextField } from '../../../components/text-field'
import type { ActionInput } from '../../../domain/api/contract'
import { CASE_KIND_LABELS } from '../../../domain/classification'
import { STATUS_LABELS } from '../../../domain/labels'
import { BoardTagFilter } from './board-tag-filter'

// The board's filters. Each select shows words and maps them back to the codes the server takes;
// "全部" means the filter is left out. Every change asks the server again (it also sorts by what is
// due next), so what is shown is always exactly what the server answered for these filters.
export type BoardFilter = ActionInput<'station', 'listCases'>
const ALL = '全部'

/** A select over a code → word table, with 全部 for "no filter". */
function CodeSelect<C extends string>(props: {
  name: string
  label: string
  labels: Record<C, string>
  value: C | undefined
  onChange: (value: C | undefined) => void
}) {
  const { name, label, labels, value, onChange } = props
  const entries = Object.entries(labels) as [C, string][]
  const toCode = (word: string) => entries.find(([, w]) => w === word)?.[0]
  return (
    <SelectField
      name={name}
      label={label}
      value={value ? labels[value] : ALL}
      options={[ALL, ...entries.map(([, word]) => word)]}
      placeholder="请选择" // never shown: the value is always a word of the list (全部 when unset)
      onChange={(word) => onChange(toCode(word))}
    />
  )
}

/** how the case came in (the filing channel) */
const CHANNEL_LABELS: Record<NonNullable<BoardFilter['channel']>, string> = {
  qr: '扫码投诉',
  search: '搜索商户',
  proxy: '代为登记',
  hotline_12345: '12345转办',
  phone: '电话登记',
  walk_in: '来访登记',
}

/** 所属行业: the ten lines, each its own word */
const INDUSTRY_LABELS: Record<NonNullable<BoardFilter['industry']>, string> = {
  食品: '食品',
  药品: '药品',
  医疗器械: '医疗器械',
  商超: '商超',
  职业索赔: '职业索赔',
  一般消费纠纷: '一般消费纠纷',
  汽车: '汽车',
  房地产: '房地产',
  价格: '价格',
  产品质量: '产品质量',
}

type Scope = 'open' | 'all'
const SCOPES = [
  { value: 'open' as Scope, label: '未结' },
  { value: 'all' as Scope, label: '全部' },
]

interface Props {
  filter: BoardFilter
  onChange: (next: BoardFilter) => void
}

export function BoardFilters({ filter, onChange }: Props) {
  const set = (patch: Partial<BoardFilter>) => onChange({ ...filter, ...patch })
  return (
    <View className="board-filters" role="search" aria-label="筛选投诉">
      <View className="board-filters__scope">
        <View className="board-filters__scope-label" id="board-scope-label">
          范围
        </View>
        <ChoiceGroup
          labelledBy="board-scope-label"
          label="范围"
          value={filter.scope ?? 'open'}
          options={SCOPES}
          onChange={(scope) => set({ scope })}
        />
      </View>
      <View className="board-filters__grid">
        <CodeSelect name="board-status" label="状态" labels={STATUS_LABELS} value={filter.status} onChange={(status) => set({ status })} />
        <CodeSelect
          name="board-colour"
          label="时限"
          labels={CLOCK_COLOUR_LABELS}
          value={filter.colour}
          onChange={(colour) => set({ colour })}
        />
        <CodeSelect name="board-kind" label="类型" labels={CASE_KIND_LABELS} value={filter.kind} onChange={(kind) => set({ kind })} />
        <TextField
          name="board-merchant"
          label="商户编码"
          value={filter.merchantCode ?? ''}
          maxlength={16}
          placeholder="如 WDXG26"
          inputMode="search"
          onChange={(code) => set({ merchantCode: code.trim() ? code : undefined })}
        />
        <CodeSelect
          name="board-channel"
          label="登记方式"
          labels={CHANNEL_LABELS}
          value={filter.channel}
          onChange={(channel) => set({ channel })}
        />
        <CodeSelect
          name="board-industry"
          label="所属行业"
          labels={INDUSTRY_LABELS}
          value={filter.industry}
          onChange={(industry) => set({ industry })}
        />
        <BoardTagFilter value={filter.tag} onChange={(tag) => set({ tag })} />
        <TextField
          name="board-text"
          label="搜索"
          value={filter.text ?? ''}
          maxlength={40}
          placeholder="投诉编号、商户名或商品"
          inputMode="search"
          onChange={(text) => set({ text: text.trim() ? text : undefined })}
        />
      </View>
    </View>
  )
}
