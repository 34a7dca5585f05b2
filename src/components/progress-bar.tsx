import { View } from '@tarojs/components'
import './progress-bar.scss'

// How far one upload has got: role=progressbar with its value, and the percentage as text too.
export function ProgressBar({ value, label }: { value: number; label: string }) {
  const percent = Math.max(0, Math.min(100, Math.round(value)))
  return (
    <View className="progress-bar">
      <View
        className="progress-bar__track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}%`}
      >
        <View className="progress-bar__fill" style={{ width: `${percent}%` }} />
      </View>
      <View className="progress-bar__text" aria-hidden>
        {percent}%
      </View>
    </View>
  )
}
