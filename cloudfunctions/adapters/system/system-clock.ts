import type { Clock } from '../../ports/system'

export const systemClock: Clock = { now: () => new Date() }

/** A clock tests move by hand. */
export function fixedClock(start: Date): Clock & { set(t: Date): void; advance(ms: number): void } {
  let current = new Date(start.getTime())
  return {
    now: () => new Date(current.getTime()),
    set: (t) => {
      current = new Date(t.getTime())
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms)
    },
  }
}
