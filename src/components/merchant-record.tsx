import { View } from '@tarojs/components'
import { formatRate, type MerchantRecord } from '../domain/merchant/merchant-record'

/** a rate with nothing decided yet, in words: a bare dash reads as a mistake */
const rateText = (r: number | null) => (r === null ? '暂无' : formatRate(r))
import './merchant-record.scss'

// A shop's record as three large numbers — the same on the clerk's home and on the station's page
// for the shop, so both sides argue from the same figures. A rate with nothing decided yet is 暂无,
// never "0%": a shop with no cases has not broken a promise.
export function MerchantRecordView({ record }: { record: MerchantRecord }) {
  const { responses } = record
  const rows = [
    {
      key: 'response',
      label: '按时响应率',
      value: rateText(record.onTimeResponseRate),
      detail: `按时 ${responses.onTime} 件，超时 ${responses.late} 件${responses.pending ? `，计时中 ${responses.pending} 件` : ''}`,
    },
    {
      key: 'settle',
      label: '自行和解率',
      value: rateText(record.selfSettlementRate),
      detail: `办结 ${record.closed} 件，其中双方和解 ${record.settled} 件`,
    },
    { key: 'open', label: '未结投诉', value: `${record.open} 件`, detail: `累计 ${record.total} 件` },
  ]
  return (
    <View className="merchant-record" role="list" aria-label="经营记录">
      {rows.map((r) => (
        <View className={`merchant-record__row merchant-record__row--${r.key}`} role="listitem" key={r.key}>
          <View className="merchant-record__text">
            <View className="merchant-record__label">{r.label}</View>
            <View className="merchant-record__detail">{r.detail}</View>
          </View>
          <View className="merchant-record__value">{r.value}</View>
        </View>
      ))}
    </View>
  )
}
