import { View } from '@tarojs/components'
import { formatRate, type MerchantRecord } from '../../../domain/merchant/merchant-record'
import { activateProps } from '../../../hooks/use-activate'
import type { ListedMerchant } from './merchant-filter'

// One shop in the station's list: a link to its page, with the signed / not-signed word and the
// record's three numbers once they have loaded.
interface Props {
  merchant: ListedMerchant
  record?: MerchantRecord
  onOpen: (m: ListedMerchant) => void
}

export function MerchantRow({ merchant: m, record, onOpen }: Props) {
  const signed = m.doubleCommitmentSigned ? '已签双承诺' : '未签双承诺'
  const figures = record
    ? `按时响应率 ${formatRate(record.onTimeResponseRate)} · 自行和解率 ${formatRate(record.selfSettlementRate)} · 未结 ${record.open} 件`
    : ''
  return (
    <View
      className="merchant-row"
      role="link"
      tabIndex={0}
      aria-label={`${m.name}，铺位 ${m.booth || '未填'}，${signed}${figures ? `，${figures}` : ''}`}
      hoverClass="merchant-row--pressed"
      {...activateProps(() => onOpen(m), 'link')}
    >
      <View className="merchant-row__top">
        <View className="merchant-row__name">{m.name}</View>
        <View className={`merchant-row__signed merchant-row__signed--${m.doubleCommitmentSigned ? 'yes' : 'no'}`}>{signed}</View>
      </View>
      <View className="merchant-row__meta">
        {m.booth ? `铺位 ${m.booth} · ` : ''}商户码 {m.code} · {m.industry}
      </View>
      <View className="merchant-row__record">{figures || '记录加载中…'}</View>
    </View>
  )
}
