// Clock times in complaint text: 下午三点半, 晚上八点多 (approximate), 12点20, 10:30, 早上9点.
import { parseChineseNumber } from './chinese-numerals'
import type { PartOfDay } from './relative-dates'
import { findAll } from './text'

export interface ClockMention {
  start: number
  end: number
  hour: number
  minute: number
  /** 八点多, 十点左右 */
  approximate: boolean
  /** the part of day said with it (下午三点): without one, the hour may still be 12 hours off */
  part?: PartOfDay
}

const PART_WORDS: [RegExp, PartOfDay][] = [
  [/凌晨|半夜|深夜|夜里|夜间/, 'night'],
  [/清晨|早上|早晨|上午|早/, 'morning'],
  [/中午/, 'noon'],
  [/下午|下半天|傍晚/, 'afternoon'],
  [/晚上|晚/, 'evening'],
]
export const PART_PATTERN = '凌晨|半夜|深夜|夜里|夜间|清晨|早上|早晨|上午|中午|下午|下半天|傍晚|晚上|早|晚'

export function partOf(word: string | undefined): PartOfDay | undefined {
  if (!word) return undefined
  return PART_WORDS.find(([re]) => re.test(word))?.[1]
}

/** 24-hour clock from what was said: 下午3 → 15, 晚上8 → 20, 中午12 → 12, 凌晨2 → 2. */
export function toHour24(hour: number, part: PartOfDay | undefined): number {
  switch (part) {
    case 'afternoon':
    case 'evening':
      return hour < 12 ? hour + 12 : hour === 12 ? 0 : hour
    case 'noon':
      return hour <= 3 ? hour + 12 : hour
    case 'night':
      return hour >= 6 && hour < 12 ? hour + 12 : hour === 12 ? 0 : hour
    default:
      return hour
  }
}

const HOUR = '(\\d{1,2}|十[一二]?|[一二两三四五六七八九十])'
const MINUTE = '(\\d{1,2}|[一二三四五]?十[一二三四五六七八九]?|[零〇][一二三四五六七八九]|[一二三四五六七八九])'
// a bare "N点" is a time only when something time-like follows: 八点多, 十点开始, 三点半
const BARE_FOLLOWS = /^(开始|那场|的时候|下单|一到|左右|到|在|去)/

export function findClockMentions(text: string): ClockMention[] {
  const out: ClockMention[] = []
  const re = new RegExp(`(${PART_PATTERN})?\\s*${HOUR}\\s*(?:点|时)(?:(半|一刻|三刻|多|钟|左右)|${MINUTE}\\s*分?)?`)
  for (const m of findAll(text, re)) {
    const following = text.slice(m.end, m.end + 2)
    if (/^[元块毛角倍折公里%]/.test(following)) continue // 八点五元 is money
    if (!m[1] && !m[3] && !m[4] && !BARE_FOLLOWS.test(following)) continue // 一点都不, 三点要求
    const hour = parseChineseNumber(m[2])
    if (hour === null || hour > 24) continue
    let minute = 0
    if (m[3] === '半') minute = 30
    else if (m[3] === '一刻') minute = 15
    else if (m[3] === '三刻') minute = 45
    else if (m[4]) minute = parseChineseNumber(m[4].replace(/^[零〇]/, '')) ?? 0
    if (minute > 59) continue
    const part = partOf(m[1])
    out.push({ start: m.start, end: m.end, hour: toHour24(hour, part) % 24, minute, approximate: m[3] === '多' || m[3] === '左右', part })
  }
  for (const m of findAll(text, new RegExp(`(${PART_PATTERN})?\\s*(\\d{1,2})[:：](\\d{2})(?!\\d)`))) {
    const hour = Number(m[2])
    const minute = Number(m[3])
    if (hour > 23 || minute > 59 || out.some((c) => c.start < m.end && m.start < c.end)) continue
    const part = partOf(m[1])
    out.push({ start: m.start, end: m.end, hour: toHour24(hour, part) % 24, minute, approximate: false, part })
  }
  return out.sort((a, b) => a.start - b.start)
}

/** Parts of day said without a clock time: 前天下午, 中午在饭店吃的. */
export function findPartMentions(text: string): { start: number; end: number; part: PartOfDay }[] {
  return findAll(text, new RegExp(`(${PART_PATTERN})`))
    .filter((m) => m[1].length > 1 && !/[一整]$/.test(text.slice(Math.max(0, m.start - 1), m.start))) // not 一晚上
    .flatMap((m) => {
      const part = partOf(m[1])
      return part ? [{ start: m.start, end: m.end, part }] : []
    })
}
