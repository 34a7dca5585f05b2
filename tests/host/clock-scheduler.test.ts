import { delayAfter, repeatWithBackoff, type JobFailure } from '../../cloudfunctions/host/clock-scheduler'

// The scheduler's timing on jest's fake clock: nothing here waits for real time.
describe('scheduler jobs while the database is away', () => {
  beforeEach(() => jest.useFakeTimers())
  afterEach(() => jest.useRealTimers())

  it('when a job keeps failing, then the wait doubles up to the cap, and after a success it is the period again', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((n) => delayAfter(n, 5_000, 120_000))).toEqual([
      5_000, 10_000, 20_000, 40_000, 80_000, 120_000, 120_000,
    ])
    expect(delayAfter(3, 60_000, 30_000)).toBe(60_000) // a cap below the period never makes it run more often
  })

  it('when the database is down for four tries and comes back, then the job backs off and resumes by itself', async () => {
    const startedAt: number[] = []
    const failures: JobFailure[] = []
    let downFor = 4
    const job = jest.fn(async () => {
      startedAt.push(Date.now())
      if (downFor-- > 0) throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })
      return 'ok'
    })
    const ran: unknown[] = []
    const t0 = Date.now()
    const r = repeatWithBackoff(
      'dispatch',
      1_000,
      10_000,
      job,
      (_e, f) => failures.push(f),
      (_j, report) => ran.push(report),
    )
    await jest.advanceTimersByTimeAsync(1_000 * (2 + 4 + 8 + 10) + 1_000 + 1_000)
    await r.stop()
    expect(startedAt.map((t) => t - t0)).toEqual([0, 2_000, 6_000, 14_000, 24_000, 25_000, 26_000])
    expect(failures.map((f) => [f.failures, f.retryInMs])).toEqual([
      [1, 2_000],
      [2, 4_000],
      [3, 8_000],
      [4, 10_000],
    ])
    expect(ran).toEqual(['ok', 'ok', 'ok'])
  })

  it('when a run takes longer than the period, then the next one waits for it instead of overlapping', async () => {
    let inFlight = 0
    let most = 0
    let release: () => void = () => {}
    const job = jest.fn(async () => {
      inFlight++
      most = Math.max(most, inFlight)
      await new Promise<void>((resolve) => (release = resolve))
      inFlight--
    })
    const r = repeatWithBackoff('tick', 1_000, 10_000, job, () => {})
    await jest.advanceTimersByTimeAsync(10_000) // ten periods pass while the first run hangs
    expect(job).toHaveBeenCalledTimes(1)
    release()
    await jest.advanceTimersByTimeAsync(1_000)
    expect(job).toHaveBeenCalledTimes(2)
    expect(most).toBe(1)
    release()
    await r.stop()
  })
})
