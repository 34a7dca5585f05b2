import { View } from '@tarojs/components'
import type { ClockView } from '../domain/case-view.schema'
import { ClockBadge } from './clock-badge'
import { formatDue } from './clock-due'
import { EmptyState } from './feedback'
import './clock-list.scss'

// The promises running on a case, each with the sentence that explains its deadline (start, rule,
// the holidays skipped). A deadline whose year's holiday calendar is not yet published is 暂定:
// it may move when the State Council publishes, and staff must know that before promising a date.
export function ClockList({ clocks }: { clocks: ClockView[] }) {
  if (clocks.length === 0) return <EmptyState text="当前没有进行中的时限" />
  return (
    <View className="clock-list" role="list" aria-label="处理时限">
      {clocks.map((clock) => (
        <View className={`clock-list__item clock-list__item--${clock.colour}`} role="listitem" key={clock.clockId}>
          <View className="clock-list__top">
            <View className="clock-list__label">{clock.label}</View>
            <ClockBadge colour={clock.colour} paused={clock.paused} />
          </View>
          <View className="clock-list__due">
            期限 {formatDue(clock.dueAt)}
            {clock.provisional ? <View className="clock-list__provisional">暂定</View> : null}
          </View>
          <View className="clock-list__explanation">{clock.explanation}</View>
          {clock.provisional ? <View className="clock-list__note">该年度节假日安排尚未公布，期限为暂定，公布后可能调整。</View> : null}
        </View>
      ))}
    </View>
  )
}
