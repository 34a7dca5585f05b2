import { formatShanghaiDateTime, shanghaiParts } from '../domain/time'

/**
 * A working-day deadline ends at 24:00 of its last day, stored as the next day's 00:00. Say it the
 * way the explanation does ("12月2日 24:00"), not as the start of a day nobody was promised.
 */
export function formatDue(dueAt: string): string {
  const p = shanghaiParts(dueAt)
  if (p.hour !== 0 || p.minute !== 0) return formatShanghaiDateTime(dueAt)
  const day = shanghaiParts(new Date(Date.parse(dueAt) - 60_000))
  return `${day.year}年${day.month}月${day.day}日 24:00`
}
