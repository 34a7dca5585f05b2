import { IntakeSchema, filedByStaff, receivedInstant, RECEIVED_AT_MAX_AGE_DAYS } from '../../src/domain/intake-channel'
import { FILING_CHANNELS } from '../../src/domain/case.schema'

// The desk's intake (issue 17.5): a hand-over needs its 转办单号 and received time; the received time
// is Beijing local, never in the future, never more than 30 days back. The domain never reads the
// clock: `now` is passed in (Tuesday 2026-03-10 10:00 Beijing).
const NOW = new Date('2026-03-10T02:00:00Z')
const parse = (v: unknown) => IntakeSchema.parse(v)

describe('the desk intake', () => {
  it('when nothing is sent, then it is the proxy point, received now', () => {
    const intake = parse({})
    expect(intake).toEqual({ channel: 'proxy', receivedAt: '', handoverNo: '' })
    expect(receivedInstant(intake, NOW)).toEqual({ ok: true, data: NOW })
  })

  it('when a hand-over was received at 16:30 Beijing yesterday, then that instant is the case’s receivedAt', () => {
    const intake = parse({ channel: 'hotline_12345', handoverNo: 'ZB-20260309-0042', receivedAt: '2026-03-09T16:30' })
    expect(receivedInstant(intake, NOW)).toEqual({ ok: true, data: new Date('2026-03-09T08:30:00Z') })
  })

  it('when the received time lies ahead (beyond a minute of skew) or more than 30 days back, then it is refused with a Chinese message', () => {
    const at = (receivedAt: string) => receivedInstant(parse({ channel: 'phone', receivedAt }), NOW)
    expect(at('2026-03-10T10:01')).toMatchObject({ ok: true }) // one minute of skew between desk and server
    expect(at('2026-03-10T10:02')).toMatchObject({ ok: false, error: { fields: { 'intake.receivedAt': '接收时间不能晚于现在' } } })
    expect(at('2026-02-08T10:00')).toMatchObject({ ok: true }) // exactly 30 days
    expect(at('2026-02-08T09:59')).toMatchObject({
      ok: false,
      error: { fields: { 'intake.receivedAt': `接收时间不能早于${RECEIVED_AT_MAX_AGE_DAYS}天前` } },
    })
  })

  it.each([
    [{ channel: 'hotline_12345', receivedAt: '2026-03-10T08:00' }, 'handoverNo'],
    [{ channel: 'hotline_12345', handoverNo: 'ZB-1234' }, 'receivedAt'],
    [{ channel: 'hotline_12345', handoverNo: 'ZB1', receivedAt: '2026-03-10T08:00' }, 'handoverNo'], // too short
    [{ channel: 'hotline_12345', handoverNo: 'ZB 12 34', receivedAt: '2026-03-10T08:00' }, 'handoverNo'], // spaces
    [{ channel: 'phone', handoverNo: 'ZB-1234' }, 'handoverNo'], // only a hand-over has one
    [{ channel: 'phone', receivedAt: '2026-03-10 08:00' }, 'receivedAt'], // not what a datetime input gives
    [{ channel: 'qr' }, 'channel'], // a scan is never typed at the desk
  ])('when the desk sends %j, then %s is refused', (input, field) => {
    const r = IntakeSchema.safeParse(input)
    expect(r.success).toBe(false)
    expect(r.error?.issues.map((i) => i.path.join('.'))).toContain(field)
  })

  it('when a 转办单号 is written as 12345 prints it, then letters, digits, dashes, slashes and brackets are taken', () => {
    expect(parse({ channel: 'hotline_12345', handoverNo: '杭12345-2026/0309(急)', receivedAt: '2026-03-10T08:00' }).handoverNo).toBe(
      '杭12345-2026/0309(急)',
    )
  })

  it('when the channel says who typed it, then only the scan and the search are the shopper’s own device', () => {
    expect(FILING_CHANNELS.filter((c) => !filedByStaff(c))).toEqual(['qr', 'search'])
  })
})
