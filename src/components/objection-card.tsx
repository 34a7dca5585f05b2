import { View } from '@tarojs/components'
import type { ActionOutput } from '../domain/api/contract'
import { monthInWords } from '../domain/public-records/public-wording'
import { formatShanghaiDateTime } from '../domain/time'
import './objection-card.scss'

// One objection to the public page (异议), as the shop and the station read it: what was objected
// to and why, and — once decided — the decision, who made it, when and why.
type Objection = ActionOutput<'merchant', 'myObjections'>['items'][number]

const STATUS: Record<Objection['status'], string> = {
  pending: '核实中',
  upheld: '异议成立，已撤下',
  rejected: '异议不成立，继续公示',
}

export function ObjectionCard({ item, showShop }: { item: Objection; showShop?: boolean }) {
  return (
    <View className="objection-card">
      <View className="objection-card__status">
        {showShop ? `${item.merchantName} · ` : ''}
        {STATUS[item.status]}
      </View>
      <View className="objection-card__line">
        提出时间：{formatShanghaiDateTime(item.filedAt)} · 针对截至{monthInWords(item.periodThrough)}的公示
      </View>
      <View className="objection-card__line">异议理由：{item.reason}</View>
      {item.decidedAt ? (
        <View className="objection-card__decision">
          <View className="objection-card__line">
            处理：{item.decidedBy} · {formatShanghaiDateTime(item.decidedAt)}
          </View>
          <View className="objection-card__line">处理意见：{item.decisionReason}</View>
          {item.withdrawnThrough ? (
            <View className="objection-card__line">已撤下{monthInWords(item.withdrawnThrough)}及以前的公示数据</View>
          ) : null}
        </View>
      ) : null}
    </View>
  )
}
