// When the goods or service were bought: the date phrase nearest a purchase verb, with the clock time
// said right after it. Date only unless an hour was said ("前天下午" stays a date).
import { addDays, type Day, formatDay, formatDayTime, toDay } from './calendar-days'
import { type DateMention, findDateMentions } from './relative-dates'
import { type ClockMention, findClockMentions, findPartMentions, toHour24 } from './time-of-day'
import { after, before } from './text'
import { shanghaiParts } from '../time'

export interface TimeProposal {
  value: string
  confidence: number
  start: number
  end: number
}

const PURCHASE_CUE =
  /买|购|订|点的|点了|办|充|吃|喝|交了|交的|付|签|提的|提车|配的|抓的|做的|取|寄|下单|入住|报名|消费|结账|换的|去的|去看|看的|去了|加了/
// 保质期到4月30号, 合同约定…交房, 说好3月15号交车: a date, but not when it was bought
const NOT_PURCHASE_BEFORE = /保质期|有效期|约定|说好|截止|到期|规定|承诺|生产日期/
const NOT_PURCHASE_AFTER = /^.{0,3}(交房|交车|交付|到期|过期|开业|完工)/

function clockAfter(date: DateMention, clocks: ClockMention[], text: string): ClockMention | undefined {
  return clocks.find(
    (c) =>
      c.end > date.end &&
      c.start >= date.start &&
      c.start <= date.end + 3 &&
      !/[，。,！？]/.test(text.slice(date.end, Math.max(date.end, c.start))),
  )
}

function withClock(day: Day, clock: ClockMention | undefined, datePart: DateMention['part']): string {
  if (!clock) return formatDay(day)
  const hour = clock.part ? clock.hour : toHour24(clock.hour, datePart)
  return formatDayTime(day, hour, clock.minute)
}

export function proposePurchaseTime(text: string, now: Date, happeningNow: boolean): TimeProposal | null {
  const today = toDay(now)
  const dates = findDateMentions(text, today)
  const clocks = findClockMentions(text)
  if (dates.length > 0) {
    const scored = dates.map((d) => {
      const cue = PURCHASE_CUE.test(after(text, d.end, 14)) || /于|在$/.test(before(text, d.start, 2))
      const excluded = NOT_PURCHASE_BEFORE.test(before(text, d.start, 8)) || NOT_PURCHASE_AFTER.test(after(text, d.end, 8))
      return { d, score: (excluded ? 0.45 : cue ? 1 : 0.7) * d.confidence }
    })
    scored.sort((a, b) => b.score - a.score || a.d.day.year - b.d.day.year || a.d.day.month - b.d.day.month || a.d.day.day - b.d.day.day)
    const best = scored[0]
    const clock = clockAfter(best.d, clocks, text)
    const confidence = clock?.approximate ? best.score * 0.9 : best.score
    return { value: withClock(best.d.day, clock, best.d.part), confidence, start: best.d.start, end: clock ? clock.end : best.d.end }
  }
  // a clock time with no day: today, unless that is still ahead (晚上八点多, said at nine in the morning)
  const clock = clocks.find((c) => PURCHASE_CUE.test(after(text, c.end, 14)))
  if (clock) {
    const p = shanghaiParts(now)
    const ahead = clock.hour * 60 + clock.minute > p.hour * 60 + p.minute + 30
    const day = ahead ? addDays(today, -1) : today
    return {
      value: formatDayTime(day, clock.hour, clock.minute),
      confidence: clock.approximate ? 0.55 : 0.6,
      start: clock.start,
      end: clock.end,
    }
  }
  // 中午在饭店吃的: a part of today, said before a purchase
  const part = findPartMentions(text).find((m) => PURCHASE_CUE.test(after(text, m.end, 12)))
  if (part) {
    const p = shanghaiParts(now)
    const startsAt: Record<string, number> = { morning: 6, noon: 11, afternoon: 13, evening: 18, night: 0 }
    const day = startsAt[part.part] > p.hour ? addDays(today, -1) : today
    return { value: formatDay(day), confidence: 0.5, start: part.start, end: part.end }
  }
  if (happeningNow) return { value: formatDay(today), confidence: 0.5, start: 0, end: 0 }
  return null
}
