import { useEffect, useState } from 'react'
import type { ClockView } from '../domain/case-view.schema'
import { DEFAULT_CLOCK_RULES } from '../domain/clocks/clock-rules'

// A live countdown to a clock's due instant, measured on the SERVER's clock: a clerk's phone may be
// minutes or hours off, and "还剩 40 分钟" must not lie because of it. The page measures the offset
// once, when the server's answer (with its `now`) arrives, and every tick adds it to the phone's time.
export type CountdownPhase = ClockView['colour']

export interface Countdown {
  /** milliseconds left; negative once overdue */
  remainingMs: number
  phase: CountdownPhase
}

/** How far the phone's clock is behind the server's (positive: the phone is slow). */
export function serverOffsetMs(serverNow: string, phoneNow: number = Date.now()): number {
  const server = Date.parse(serverNow)
  return Number.isFinite(server) ? server - phoneNow : 0
}

/**
 * When the card turns yellow: the share of the promise the urging notice (催办卡) goes out at, applied
 * to the national amount (45 min → the last 9 minutes). The server's own colour, worked out with the
 * shop's own minutes, is kept as a floor, so a shop with a shorter promise is never shown greener.
 */
export function yellowWithinMs(clockId: ClockView['clockId']): number {
  const rule = DEFAULT_CLOCK_RULES[clockId]
  if (rule.unit !== 'minutes') return 0
  return Math.round(rule.amount * (1 - rule.urgeAt) * 60_000)
}

const RANK: Record<CountdownPhase, number> = { green: 0, yellow: 1, red: 2 }

export function phaseOf(remainingMs: number, yellowMs: number, floor: CountdownPhase = 'green'): CountdownPhase {
  const byTime: CountdownPhase = remainingMs <= 0 ? 'red' : remainingMs <= yellowMs ? 'yellow' : 'green'
  return RANK[byTime] >= RANK[floor] ? byTime : floor
}

/** "38:05" / "1:02:05": minutes and seconds, hours only when there are some. */
export function formatRemaining(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000)
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = String(total % 60).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`
}

/**
 * Re-renders only the component that calls it, once a second. The page around it stays still, so a
 * screen reader is not interrupted; what it announces is the caller's business (on phase changes).
 */
export function useCountdown(clock: Pick<ClockView, 'clockId' | 'dueAt' | 'colour'>, offsetMs: number): Countdown {
  const due = Date.parse(clock.dueAt)
  const compute = (): Countdown => {
    const remainingMs = due - (Date.now() + offsetMs)
    return { remainingMs, phase: phaseOf(remainingMs, yellowWithinMs(clock.clockId), clock.colour) }
  }
  const [state, setState] = useState(compute)
  useEffect(() => {
    setState(compute())
    const timer = setInterval(() => setState(compute()), 1000)
    return () => clearInterval(timer)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- compute reads exactly these four; it is rebuilt each render
  }, [due, offsetMs, clock.clockId, clock.colour])
  return state
}
