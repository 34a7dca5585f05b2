import { View } from '@tarojs/components'
import type { CaseSummary } from '../domain/case-view.schema'
import { CaseCard } from './case-card'
import { EmptyState } from './feedback'
import './case-list.scss'

// A list of cases with list semantics (role list / listitem: Taro has no <ul>), or the empty text.
interface Props {
  items: CaseSummary[]
  emptyText: string
  label: string
  onOpen?: (item: CaseSummary) => void
  hideMerchant?: boolean
  showDue?: boolean
}

export function CaseList({ items, emptyText, label, onOpen, hideMerchant, showDue }: Props) {
  if (items.length === 0) return <EmptyState text={emptyText} />
  return (
    <View className="case-list" role="list" aria-label={label}>
      {items.map((item) => (
        <View className="case-list__item" role="listitem" key={item.id}>
          <CaseCard item={item} onOpen={onOpen} hideMerchant={hideMerchant} showDue={showDue} />
        </View>
      ))}
    </View>
  )
}
