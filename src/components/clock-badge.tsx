import { Text } from '@tarojs/components'
import type { ClockView } from '../domain/case-view.schema'
import './clock-badge.scss'

// How a promise stands, as a word AND a colour (never colour alone: colour-blind staff and
// black-and-white printers must read it too). The server decides the colour from the clock's stage.
export const CLOCK_COLOUR_LABELS: Record<ClockView['colour'], string> = {
  green: '正常',
  yellow: '临近',
  red: '超时',
}

export function ClockBadge({ colour }: { colour: ClockView['colour'] }) {
  return (
    <Text className={`clock-badge clock-badge--${colour}`}>
      <Text className="clock-badge__dot" aria-hidden>
        {colour === 'red' ? '!' : '●'}
      </Text>
      {CLOCK_COLOUR_LABELS[colour]}
    </Text>
  )
}
