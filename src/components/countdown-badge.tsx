import { View } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import type { ClockView } from '../domain/case-view.schema'
import { shanghaiParts } from '../domain/time'
import { formatRemaining, useCountdown, type CountdownPhase } from '../hooks/use-countdown'
import { CLOCK_COLOUR_LABELS } from './clock-badge'
import './countdown-badge.scss'

// The clerk's "还剩 38:05" for one promise (商家响应 45 分钟, 到场处置 90 分钟), green → yellow → red.
// Only this small component re-renders each second. The ticking time is role=timer (not announced);
// a separate polite status line speaks only when the phase changes ("商家响应即将超时" / "…已超时"),
// so a screen reader is never interrupted every second.
interface Props {
  clock: ClockView
  /** server time − phone time, from the answer's `now` (hooks/use-countdown.ts) */
  offsetMs: number
  className?: string
}

const PHASE_WORDS: Record<CountdownPhase, string> = { green: '', yellow: '即将超时', red: '已超时' }

function hhmm(iso: string): string {
  const p = shanghaiParts(iso)
  return `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`
}

export function CountdownBadge({ clock, offsetMs, className }: Props) {
  const { remainingMs, phase } = useCountdown(clock, offsetMs)
  const overdue = remainingMs <= 0
  const [announcement, setAnnouncement] = useState('')
  const lastPhase = useRef(phase)
  useEffect(() => {
    if (phase === lastPhase.current) return
    lastPhase.current = phase
    setAnnouncement(PHASE_WORDS[phase] ? `${clock.label}${PHASE_WORDS[phase]}` : '')
  }, [phase, clock.label])

  return (
    <View className={`countdown-badge countdown-badge--${phase} ${className ?? ''}`} data-clock={clock.clockId}>
      <View className="countdown-badge__head">
        <View className="countdown-badge__label">{clock.label}</View>
        <View className="countdown-badge__word">
          <View className="countdown-badge__dot" aria-hidden>
            {phase === 'red' ? '!' : '●'}
          </View>
          {CLOCK_COLOUR_LABELS[phase]}
        </View>
      </View>
      <View className="countdown-badge__body">
        <View
          className="countdown-badge__time"
          role="timer"
          aria-label={`${clock.label}${overdue ? '已超时' : '剩余'} ${formatRemaining(remainingMs)}，${hhmm(clock.dueAt)} 前`}
        >
          <View className="countdown-badge__prefix">{overdue ? '已超时' : '剩余'}</View>
          <View className="countdown-badge__digits">{formatRemaining(remainingMs)}</View>
        </View>
        <View className="countdown-badge__due">
          {hhmm(clock.dueAt)} 前{clock.clockId === 'on_site' ? '到场' : '答复'}
        </View>
      </View>
      <View className="countdown-badge__announce" role="status" aria-live="polite">
        {announcement}
      </View>
    </View>
  )
}
