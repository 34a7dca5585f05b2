// Display and calendar math happen in Asia/Shanghai. China has kept UTC+8 without daylight saving
// since 1991, so a fixed offset is exact for every date this product handles — and needs no tz data.
// Nothing here reads the clock: callers pass the instant in.
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000

export interface LocalParts {
  year: number
  month: number
  day: number
  hour: number
  minute: number
}

export function shanghaiParts(instant: Date | string): LocalParts {
  const t = new Date(typeof instant === 'string' ? Date.parse(instant) : instant.getTime())
  const local = new Date(t.getTime() + SHANGHAI_OFFSET_MS)
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
  }
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** "20261122" — the local calendar day, used in case numbers. */
export function shanghaiDayKey(instant: Date | string): string {
  const p = shanghaiParts(instant)
  return `${p.year}${pad(p.month)}${pad(p.day)}`
}

/** "2026年11月22日 14:05" */
export function formatShanghaiDateTime(instant: Date | string): string {
  const p = shanghaiParts(instant)
  return `${p.year}年${p.month}月${p.day}日 ${pad(p.hour)}:${pad(p.minute)}`
}

/** "3月19日" */
export function formatShanghaiMonthDay(instant: Date | string): string {
  const p = shanghaiParts(instant)
  return `${p.month}月${p.day}日`
}
