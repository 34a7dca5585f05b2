import type { Page } from 'playwright-core'
import {
  current,
  DEMO_PASSWORD,
  fileMinimalComplaint,
  seriousViolations,
  settled,
  shot,
  startHarness,
  type Harness,
} from './browser-harness'

// Issue 16.2 and 16.3 end to end, against the real local host and the H5 build: a shopper files at
// 味道小馆, which signed the double commitment; the receipt says the shop's promise; the shop's clerk
// answers before anyone at the station has touched the case; then the station accepts — and the
// case stays where the shop put it. Then the station asks for someone on site and the clerk checks
// in (已到场) while that clock runs, with no dispatch in between. Phones at 390×844, desk 1280×800.

async function statusIs(page: Page, status: string) {
  await current(page).locator('.case-detail-view__top .status-tag', { hasText: status }).waitFor()
}
const timelineText = (page: Page) => current(page).locator('.timeline').innerText()

describe('H5 — straight to the shop: the clerk answers before any staff action', () => {
  let h: Harness
  let shopper: Page
  let clerk: Page
  let desk: Page
  let caseNo = ''

  beforeAll(async () => {
    h = await startHarness()
    shopper = await (await h.phone()).newPage()
    clerk = await (await h.phone()).newPage() // its own cookies: the clerk link binds THIS browser to the shop
    desk = await (await h.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' })).newPage()
  })
  afterAll(async () => {
    await h?.close()
  })

  it("when a shopper files at a shop that signed the double commitment, then the receipt tells them the shop's promise", async () => {
    const entry = h.lines.find((l) => l.includes('味道小馆'))?.match(/http\S+/)?.[0]
    await shopper.goto(entry!)
    await settled(shopper)
    caseNo = await fileMinimalComplaint(shopper)
    const next = current(shopper).locator('.submitted__next')
    await expect(next.innerText()).resolves.toBe('商家承诺 45 分钟内回应，超时将自动转维权站')
    await expect(current(shopper).locator('.submitted__by').innerText()).resolves.toMatch(/^维权站同步跟进，最迟 .+ 前告知是否受理$/)
    await shot(shopper, 'direct-01-receipt')
    expect(await seriousViolations(shopper)).toEqual([])
  })

  it('when the clerk opens the case at once, then the response countdown runs and 商家答复 answers it before any staff action', async () => {
    const clerkLink = h.lines.find((l) => l.includes('/demo/clerk?key='))?.match(/http\S+/)?.[0]
    await clerk.goto(clerkLink!)
    await settled(clerk)
    const card = current(clerk).getByRole('link', { name: new RegExp(caseNo) })
    await card.waitFor()
    await card.click()
    await settled(clerk)
    await current(clerk).getByRole('heading', { name: '投诉处理' }).waitFor()
    await statusIs(clerk, '待商家处理')
    await current(clerk).getByRole('button', { name: '已到场', exact: true }).waitFor() // from the first minute
    expect(await timelineText(clerk)).toContain('提交投诉，已直接送达商家')
    await shot(clerk, 'direct-02-clerk-case')
    expect(await seriousViolations(clerk)).toEqual([])

    await current(clerk).getByRole('button', { name: '商家答复', exact: true }).click()
    await current(clerk).getByRole('radio', { name: '退款' }).click()
    await current(clerk).getByRole('textbox', { name: '金额（元）' }).fill('38')
    await current(clerk).getByRole('textbox', { name: '方案说明' }).fill('退还餐费并道歉')
    await current(clerk).getByRole('button', { name: '提交答复' }).click()
    await statusIs(clerk, '商家已答复')
    expect(await timelineText(clerk)).toContain('商家方案：退款 38元，退还餐费并道歉')
    expect(await timelineText(clerk)).not.toContain('维权站已受理') // nobody at the station has acted yet
  })

  it('when the station then accepts, then the case stays with the answer the shop gave', async () => {
    await desk.goto(`${h.base}/#/pages/station/board/index`)
    await settled(desk)
    await current(desk).getByRole('textbox', { name: '用户名' }).fill('station')
    await current(desk).getByLabel('密码').fill(DEMO_PASSWORD)
    await current(desk).getByRole('button', { name: '登录' }).click()
    const card = current(desk).getByRole('link', { name: new RegExp(caseNo) })
    await card.waitFor()
    await card.click()
    await settled(desk)
    await current(desk).getByRole('heading', { name: '案件办理' }).waitFor()
    await statusIs(desk, '商家已答复')
    expect(await current(desk).getByRole('button', { name: '不予受理', exact: true }).count()).toBe(0) // the shopper holds an answer
    await current(desk).getByRole('button', { name: '受理', exact: true }).click()
    await current(desk).getByRole('button', { name: '确认受理' }).click()
    await current(desk).locator('.timeline', { hasText: '维权站已受理' }).waitFor()
    await statusIs(desk, '商家已答复')
    await shot(desk, 'direct-03-station-accepted')
    expect(await seriousViolations(desk)).toEqual([])
  })

  it('when the station asks for someone on site, then the clerk checks in while that clock runs, with no dispatch', async () => {
    await current(desk).getByRole('button', { name: '要求商家到场', exact: true }).click()
    await current(desk).locator('.timeline', { hasText: '维权站要求商家到场处置' }).waitFor()
    await clerk.reload()
    await settled(clerk)
    await statusIs(clerk, '商家已答复')
    await current(clerk).getByRole('button', { name: '已到场', exact: true }).click()
    await current(clerk).locator('.timeline', { hasText: '商家已到场' }).waitFor()
    const timeline = await timelineText(clerk)
    expect(timeline).not.toContain('已转商家处理')
    await shot(clerk, 'direct-04-checked-in')
  })
})
