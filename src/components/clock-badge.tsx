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

/** `paused`: the case's mediation is suspended and this deadline does not run (中止). */
export function ClockBadge({ colour, paused = false }: { colour: ClockView['colour']; paused?: boolean }) {
  return (
    <Text className={`clock-badge clock-badge--${colour}`}>
      <Text className="clock-badge__dot" aria-hidden>
        {paused ? '‖' : colour === 'red' ? '!' : '●'}
      </Text>
      {paused ? '已暂停' : CLOCK_COLOUR_LABELS[colour]}
    </Text>
  )
}
