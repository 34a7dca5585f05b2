import type { BrowserContext, Page } from 'playwright-core'
import { aSubmission } from '../support/builders'
import { current, DEMO_PASSWORD, seriousViolations, settled, shot, startHarness, type Harness } from './browser-harness'

// 快速响应 at the desk, against the real local host and the H5 build (issue 17.3): the station chooses
// fast-track with a ground, dispatches after confirming, and the team member checks in with the
// browser's location, which stops the 90-minute clock; the location reaches the station only.
const DESK = { viewport: { width: 1366, height: 800 }, locale: 'zh-CN' }
const HERE = { latitude: 30.2741, longitude: 120.1551, accuracy: 20 }

type Json = { ok: boolean; data?: Record<string, unknown>; error?: { code: string } }

describe('H5 — fast-track (decide, dispatch, staff check-in with location) and report rewards', () => {
  let h: Harness
  let shopperCtx: BrowserContext
  let deskCtx: BrowserContext
  let desk: Page
  let caseId = ''
  const shopCode = () => h.lines.find((l) => l.includes('味道小馆'))?.match(/\/s\/([A-Z0-9]+)/)?.[1] ?? ''
  const api = async (ctx: BrowserContext, fn: string, body: object): Promise<Json> =>
    (await (await ctx.request.post(`${h.base}/api/${fn}`, { data: body })).json()) as Json

  beforeAll(async () => {
    h = await startHarness()
    shopperCtx = await h.phone()
    // the member's phone-sized browser grants its location (Chromium's own geolocation, set here)
    deskCtx = await h.browser.newContext({ ...DESK, geolocation: HERE, permissions: ['geolocation'] })
    desk = await deskCtx.newPage()
    const login = await deskCtx.request.post(`${h.base}/auth/login`, { data: { username: 'station', password: DEMO_PASSWORD } })
    expect(login.status()).toBe(200)
    // a report: it never goes straight to the shop, so it waits for the station's intake
    const filed = await api(
      shopperCtx,
      'consumer',
      aSubmission(shopCode(), {
        kind: 'report',
        anonymous: true,
        demands: [],
        description: '店里现在还在卖过期的奶粉，货架上好几罐，证据要马上固定',
        idempotencyKey: 'fast-track-h5'.padEnd(16, '0'),
      }),
    )
    expect(filed.ok).toBe(true)
    caseId = String(filed.data?.caseId)
  })
  afterAll(async () => {
    await h?.close()
  })

  it('when the station starts fast-track, dispatches and the member checks in with the location, then the 90-minute clock stops and only the station reads where', async () => {
    await desk.goto(`${h.base}/#/pages/station/case/index?id=${caseId}`)
    await settled(desk)
    const page = current(desk)
    const panel = page.locator('.station-case__fast-track')
    await panel.getByRole('radio', { name: '证据需要即时固定' }).click()
    await expect(panel.getByRole('radio', { name: '快反队员到场' }).getAttribute('aria-checked')).resolves.toBe('true')
    await expect(panel.getByRole('radio', { name: /商家代表到场/ }).count()).resolves.toBe(0) // a report never goes to its shop
    await panel.scrollIntoViewIfNeeded()
    await shot(desk, 'fast-track-decide')
    expect(await seriousViolations(desk)).toEqual([])
    await panel.getByRole('button', { name: '启动快速响应' }).click()
    await panel.getByRole('status').filter({ hasText: '已启动快速响应' }).waitFor()

    await panel.getByRole('button', { name: '快反派单' }).click()
    await page.getByRole('button', { name: '确认派单' }).click()
    await panel.getByRole('status').filter({ hasText: '已派单' }).waitFor()
    await page
      .getByRole('status')
      .filter({ hasText: /^快速响应：已派快反队员 .+ 到场，等待签到$/ })
      .waitFor() // not "商家"

    await panel.getByRole('checkbox', { name: /同时记录我当前的位置/ }).click()
    await shot(desk, 'fast-track-check-in')
    expect(await seriousViolations(desk)).toEqual([])
    await panel.getByRole('button', { name: '我已到场，签到' }).click()
    await panel.getByRole('status').filter({ hasText: '已签到，并记录了签到位置' }).waitFor()
    await page.getByRole('list', { name: '处理进度' }).getByRole('listitem').filter({ hasText: '快反队员已到场' }).waitFor()

    const clocks = await api(deskCtx, 'station', { action: 'getCase', caseId })
    expect((clocks.data?.clocks as { clockId: string }[]).map((k) => k.clockId)).not.toContain('on_site')
    expect(await api(deskCtx, 'station', { action: 'checkInLocations', caseId })).toMatchObject({
      ok: true,
      data: { items: [{ latitude: HERE.latitude, longitude: HERE.longitude }] },
    })
  })

  it('when a report closes with a violation found, then the reporter applies on the lookup page with the number and query code, the station grants it, and the reporter sees the amount', async () => {
    const filed = await api(
      shopperCtx,
      'consumer',
      aSubmission(shopCode(), { kind: 'report', anonymous: true, demands: [], idempotencyKey: 'reward-h5'.padEnd(16, '0') }),
    )
    const reportId = String(filed.data?.caseId)
    const caseNo = String(filed.data?.caseNo)
    const queryCode = String(filed.data?.queryCode)
    expect(await api(deskCtx, 'station', { action: 'actOnCase', caseId: reportId, caseAction: 'accept', reason: '' })).toMatchObject({
      ok: true,
    })

    await desk.goto(`${h.base}/#/pages/station/case/index?id=${reportId}`)
    await settled(desk)
    const desktop = current(desk)
    const report = desktop.locator('.station-case__report')
    await report.getByRole('radio', { name: /举报查实/ }).click()
    await report.getByRole('button', { name: '举报办结' }).click()
    await desktop.getByRole('button', { name: '确认办结' }).click()
    await desktop.locator('.station-case__report').getByText('举报人尚未申请奖励').waitFor()

    // the reporter, on another phone, with the receipt's number and code only
    const phone = await (await h.phone()).newPage()
    await phone.goto(`${h.base}/#/pages/consumer/lookup/index`)
    await settled(phone)
    const lookup = current(phone)
    await lookup.getByRole('textbox', { name: '案件编号' }).fill(caseNo)
    await lookup.getByRole('textbox', { name: '查询码' }).fill(queryCode)
    await lookup.getByRole('button', { name: '查询' }).click()
    await lookup.getByRole('textbox', { name: '领奖人姓名' }).fill('举报人丙')
    await lookup.getByRole('textbox', { name: '联系电话' }).fill('13700001111')
    // a slip in the code field after the answer came must not change whose reward is applied for
    await lookup.getByRole('textbox', { name: '查询码' }).fill(`${queryCode}9`)
    await shot(phone, 'report-reward-apply')
    expect(await seriousViolations(phone)).toEqual([])
    await lookup.getByRole('button', { name: '申请举报奖励' }).click()
    await lookup.getByRole('button', { name: '确认申请' }).click()
    await lookup.getByRole('status').filter({ hasText: '已申请，等待维权站审核' }).waitFor()

    await desk.reload()
    await settled(desk)
    const reward = current(desk).locator('.station-case__report')
    await reward.getByText('申请人：举报人丙，电话 13700001111').waitFor()
    await reward.getByRole('textbox', { name: '奖励金额（元）' }).fill('500')
    await reward.getByRole('textbox', { name: '奖励决定理由' }).fill('举报属实，按规定奖励')
    expect(await seriousViolations(desk)).toEqual([])
    await reward.getByRole('button', { name: '记录奖励决定' }).click()
    await current(desk).getByRole('button', { name: '确认记录' }).click()
    await reward.getByRole('status').filter({ hasText: '已批准发放奖励：500元' }).waitFor()

    await lookup.getByRole('textbox', { name: '查询码' }).fill(queryCode) // the slip mended, the reporter asks again
    await lookup.getByRole('button', { name: '查询' }).click()
    await lookup.getByRole('status').filter({ hasText: '已批准发放奖励：500元' }).waitFor()
    await shot(phone, 'report-reward-granted')
  })
})
