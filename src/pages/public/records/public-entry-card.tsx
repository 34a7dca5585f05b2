import { View } from '@tarojs/components'
import type { PublicEntry } from '../../../domain/public-records/publication'
import { entryFacts } from '../../../domain/public-records/public-wording'

// One shop on the public page: its name as a heading, then its facts as label/value rows. Only the
// fields of a public entry exist here — there is nothing of a complainant or a case to show.
export function PublicEntryCard({ entry }: { entry: PublicEntry }) {
  return (
    <View className="public-records__card">
      <View className="public-records__name" role="heading" aria-level={2}>
        {entry.name}
      </View>
      {entryFacts(entry).map(([label, value]) => (
        <View className="public-records__fact" key={label}>
          <View className="public-records__label">{label}</View>
          <View className="public-records__value">{value}</View>
        </View>
      ))}
      {entry.objectionPending ? <View className="public-records__flag">经营者已提出异议，正在核实</View> : null}
    </View>
  )
}
