// Date phrases in complaint text, resolved against the instant of speaking: 今天, 昨晚, 前天下午, 大前天,
// 三天前, 上周五, 这周三, 上个月15号, 7月10日 (last year when still ahead), 2025年12月3日, 双十一.
import { parseChineseNumber } from './chinese-numerals'
import { addDays, compareDays, type Day, daysInMonth, isValidDay, previousMonth, weekday } from './calendar-days'
import { findAll } from './text'

export type PartOfDay = 'morning' | 'noon' | 'afternoon' | 'evening' | 'night'

export interface DateMention {
  day: Day
  start: number
  end: number
  confidence: number
  /** 昨晚, 今早: the phrase itself says the part of the day */
  part?: PartOfDay
}

const MONTH = '(\\d{1,2}|十[一二]?|[一二三四五六七八九])'
const DAY = '(\\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])'
const YEAR = '(\\d{4}|[零〇一二三四五六七八九]{4})'

const num = (s: string) => parseChineseNumber(s) ?? NaN

/** The day of this month or a past month that is not ahead of today. */
function notAhead(day: Day, today: Day, back: (d: Day) => Day): Day {
  return compareDays(day, today) > 0 ? back(day) : day
}
const lastYear = (d: Day): Day => ({ ...d, year: d.year - 1 })
const lastMonth = (d: Day): Day => {
  const p = previousMonth(d.year, d.month)
  return { ...p, day: Math.min(d.day, daysInMonth(p.year, p.month)) }
}

const RELATIVE_DAY: [RegExp, number, PartOfDay?][] = [
  [/大前天|大前日/, -3],
  [/前晚/, -2, 'evening'],
  [/前天|前日|前儿/, -2],
  [/昨晚|昨夜|昨儿晚上/, -1, 'evening'],
  [/昨早/, -1, 'morning'],
  [/昨天|昨日|昨儿个?/, -1],
  [/今早|今晨/, 0, 'morning'],
  [/今晚/, 0, 'evening'],
  [/今天|今日|今儿个?|今朝/, 0],
]

const WEEKDAY: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  日: 7,
  天: 7,
  '1': 1,
  '2': 2,
  '3': 3,
  '4': 4,
  '5': 5,
  '6': 6,
  '7': 7,
}
const FESTIVAL: [RegExp, number, number][] = [
  [/双十一|双11/, 11, 11],
  [/双十二|双12/, 12, 12],
  [/平安夜/, 12, 24],
  [/圣诞节?/, 12, 25],
  [/元旦/, 1, 1],
  [/情人节/, 2, 14],
]

export function findDateMentions(text: string, today: Day): DateMention[] {
  const found: DateMention[] = []
  const taken: [number, number][] = []
  const free = (s: number, e: number) => taken.every(([a, b]) => e <= a || s >= b)
  const add = (start: number, end: number, day: Day, confidence: number, part?: PartOfDay) => {
    if (!isValidDay(day) || !free(start, end) || compareDays(day, today) > 0) return
    taken.push([start, end])
    found.push({ day, start, end, confidence, part })
  }

  for (const m of findAll(text, new RegExp(`${YEAR}\\s*年\\s*${MONTH}\\s*月\\s*${DAY}\\s*[日号]?`))) {
    add(m.start, m.end, { year: num(m[1]), month: num(m[2]), day: num(m[3]) }, 0.95)
  }
  for (const m of findAll(text, /(?:^|[^\d])(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/)) {
    const start = m.start + m[0].indexOf(m[1])
    add(start, m.end, { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }, 0.95)
  }
  for (const m of findAll(text, new RegExp(`(今年|去年|前年)${MONTH}月${DAY}[日号]?`))) {
    const year = today.year - ({ 今年: 0, 去年: 1, 前年: 2 } as Record<string, number>)[m[1]]
    add(m.start, m.end, { year, month: num(m[2]), day: num(m[3]) }, 0.9)
  }
  for (const m of findAll(text, /(今年|去年|前年)?(双十一|双11|双十二|双12|平安夜|圣诞节?|元旦|情人节)/)) {
    const festival = FESTIVAL.find(([re]) => re.test(m[2]))
    if (!festival) continue // the pattern and the table name the same days; this only guards an edit to one of them
    const [, month, dayOfMonth] = festival
    const offset = m[1] ? ({ 今年: 0, 去年: 1, 前年: 2 } as Record<string, number>)[m[1]] : null
    const day =
      offset === null
        ? notAhead({ year: today.year, month, day: dayOfMonth }, today, lastYear)
        : { year: today.year - offset, month, day: dayOfMonth }
    add(m.start, m.end, day, 0.75)
  }
  for (const m of findAll(text, new RegExp(`(上上个?月|上个?月|这个?月|本月)${DAY}[日号]`))) {
    const back = m[1].startsWith('上上') ? 2 : m[1].startsWith('上') ? 1 : 0
    let ym = { year: today.year, month: today.month }
    for (let i = 0; i < back; i++) ym = previousMonth(ym.year, ym.month)
    add(m.start, m.end, { ...ym, day: num(m[2]) }, 0.9)
  }
  for (const m of findAll(text, new RegExp(`(^|[^\\d年])${MONTH}月${DAY}([日号]|(?![\\d天个]))`))) {
    const start = m.start + m[1].length
    add(start, m.end, notAhead({ year: today.year, month: num(m[2]), day: num(m[3]) }, today, lastYear), m[4] ? 0.9 : 0.7)
  }
  for (const m of findAll(
    text,
    new RegExp(
      `(^|[^\\d月号一二三四五六七八九十第])${DAY}[日号](?=那天|晚上|上午|下午|中午|早上|凌晨|傍晚|夜里|的时候|[在去买吃办交，,。）)、\\s]|$)`,
    ),
  )) {
    const start = m.start + m[1].length
    const dayOfMonth = num(m[2])
    if (dayOfMonth < 1 || dayOfMonth > 31) continue
    const thisMonth = { year: today.year, month: today.month, day: dayOfMonth }
    add(start, m.end, dayOfMonth <= today.day ? thisMonth : lastMonth(thisMonth), 0.7)
  }
  for (const [re, offset, part] of RELATIVE_DAY) {
    for (const m of findAll(text, re)) add(m.start, m.end, addDays(today, offset), 0.9, part)
  }
  for (const m of findAll(text, /刚才|刚刚/)) add(m.start, m.end, today, 0.6)
  for (const m of findAll(text, /(\d{1,2}|[一二两三四五六七八九十]{1,3})\s*天(?:之)?前/)) {
    const n = num(m[1])
    if (n >= 1 && n <= 60) add(m.start, m.end, addDays(today, -n), 0.8)
  }
  for (const m of findAll(text, /(上上|上|这|本)?个?(?:周|星期|礼拜)([一二三四五六日天1-7])/)) {
    const monday = addDays(today, 1 - weekday(today))
    const target = WEEKDAY[m[2]]
    const weeksBack = m[1] === '上上' ? 2 : m[1] === '上' ? 1 : 0
    let day = addDays(monday, target - 1 - 7 * weeksBack)
    if (!m[1] && compareDays(day, today) > 0) day = addDays(day, -7) // 周三 said on a Monday: last week's
    add(m.start, m.end, day, m[1] ? 0.85 : 0.75)
  }
  return found.sort((a, b) => a.start - b.start)
}
