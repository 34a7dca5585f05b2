import { proposePurchaseTime } from '../../../src/domain/extract/purchase-time'

// Shanghai local instants, written with their offset so the test reads like the calendar
const at = (local: string) => new Date(`${local}+08:00`)
const time = (text: string, now: Date, happeningNow = false) => proposePurchaseTime(text, now, happeningNow)?.value ?? null

describe('purchase time from date phrases', () => {
  const wednesday = at('2026-03-18T14:30:00') // a Wednesday

  it.each([
    ['今天中午在他们家吃的', '2026-03-18'],
    ['昨天在超市买的', '2026-03-17'],
    ['前天下午在海底捞吃的火锅', '2026-03-16'],
    ['大前天买的体温计', '2026-03-15'],
    ['三天前买的', '2026-03-15'],
    ['这周三买的', '2026-03-18'],
    ['这周一在国美买的空调', '2026-03-16'],
    ['上周五在大参林买的药', '2026-03-13'],
    ['上个月15号在网上买的', '2026-02-15'],
    ['2月14日买的血压计', '2026-02-14'],
    ['2025年12月3日购买', '2025-12-03'],
    ['二〇二五年十二月三日购买', '2025-12-03'],
    ['今天下午三点半在药店买的', '2026-03-18T15:30'],
    ['今天中午12点20下的单', '2026-03-18T12:20'],
    ['昨晚8点在影城看的电影', '2026-03-17T20:00'],
    ['昨天晚上八点多在夜市吃的', '2026-03-17T20:00'],
    ['3月10号晚上8点买的', '2026-03-10T20:00'],
    ['今天上午10:30在加油站加的油', '2026-03-18T10:30'],
  ])('when said on Wednesday 18 March 2026 at 14:30: %j, then %s', (text, value) => {
    expect(time(text, wednesday)).toBe(value)
  })

  it('when 上周五 is said on a Monday at the start of a month, then it is the Friday of the month before', () => {
    expect(time('上周五在途虎做的四轮定位', at('2025-11-03T20:15:00'))).toBe('2025-10-31')
  })

  it("when 7月10日 is said in January, then it is last year's July", () => {
    expect(time('7月10日在专卖店买的', at('2026-01-09T10:00:00'))).toBe('2025-07-10')
    expect(time('7月10号晚上8点去店里交的定金', at('2026-01-09T10:00:00'))).toBe('2025-07-10T20:00')
  })

  it('when 昨晚8点 is said just after midnight in Shanghai (still the day before in UTC), then 昨天 counts in Shanghai', () => {
    expect(time('昨晚8点在店里买的', at('2026-03-18T00:30:00'))).toBe('2026-03-17T20:00')
  })

  it('when only a clock time is said and it is still ahead today, then it was yesterday', () => {
    expect(time('晚上八点多在夜市吃烧烤', at('2026-06-15T09:20:00'))).toBe('2026-06-14T20:00')
    expect(time('下午三点半在药店买的', at('2026-06-15T18:00:00'))).toBe('2026-06-15T15:30')
  })

  it('when a date is said as a deadline rather than a purchase, then the purchase date wins', () => {
    expect(time('今天在你们店里买的辣条，保质期到4月30号', at('2026-05-02T11:00:00'))).toBe('2026-05-02')
    expect(time('我2月28号交的定金，说好3月15号交车', wednesday)).toBe('2026-02-28')
  })

  it('when no day is said but the dispute is going on in the shop now, then today is proposed', () => {
    expect(time('服务员态度很差', wednesday, true)).toBe('2026-03-18')
    expect(time('服务员态度很差', wednesday, false)).toBeNull()
  })

  it('when only a month or year is said, then no day is made up', () => {
    expect(time('去年在健身房办的卡', wednesday)).toBeNull()
    expect(time('车子是上个月买的', wednesday)).toBeNull()
  })
})
