import type { BrowserContext, Page } from 'playwright-core'
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

// Issue #4 items 7 and 8 end to end, against the real local host and the H5 build: a shopper files,
// the station accepts and dispatches from its board, the shop's clerk answers with an offer, the
// shopper accepts it, the station closes the case — and both timelines tell the same story, with
// the outcome (closed never means resolved). Phones at 390×844; the station desk at 1280×800.
// The offer is a remedy with an amount and a note (issue 5): 退款 128元, 全额退款并道歉.
const OFFER = '全额退款并道歉'
const OFFER_TEXT = `商家方案：退款 128元，${OFFER}`

async function timelineText(page: Page): Promise<string> {
  return current(page).locator('.timeline').innerText()
}

/** Waits until the case page shows `status` in its status tag (after an action reloads the case). */
async function statusIs(page: Page, status: string) {
  await current(page).locator('.case-detail-view__top .status-tag', { hasText: status }).waitFor()
}

describe('H5 — a case from filing to closure (board, station, merchant, consumer)', () => {
  let h: Harness
  let shopperCtx: BrowserContext
  let shopper: Page
  let desk: Page
  let clerk: Page
  let caseNo = ''

  beforeAll(async () => {
    h = await startHarness()
    shopperCtx = await h.phone()
    shopper = await shopperCtx.newPage()
    const deskCtx = await h.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' })
    desk = await deskCtx.newPage()
    clerk = await (await h.phone()).newPage() // its own cookies: the clerk link binds THIS browser to the shop
  })
  afterAll(async () => {
    await h?.close()
  })

  it('when a shopper files through the printed shop URL, then a case number is shown', async () => {
    const entry = h.lines.find((l) => l.includes('味道小馆'))?.match(/http\S+/)?.[0]
    await shopper.goto(entry!)
    await settled(shopper)
    caseNo = await fileMinimalComplaint(shopper)
    expect(caseNo).toMatch(/^KS-\d{8}-\d{4}$/)
  })

  it('when station staff sign in, then the board shows the case with a green 正常 clock, and the colour filter works', async () => {
    await desk.goto(`${h.base}/#/pages/station/board/index`)
    await settled(desk)
    await current(desk).getByRole('textbox', { name: '用户名' }).fill('station')
    await current(desk).getByLabel('密码').fill(DEMO_PASSWORD)
    await current(desk).getByRole('button', { name: '登录' }).click()
    const card = current(desk).getByRole('link', { name: new RegExp(caseNo) })
    await card.waitFor()
    await settled(desk)
    await expect(card.locator('.clock-badge--green').innerText()).resolves.toContain('正常')
    await expect(card.locator('.case-card__due-text').innerText()).resolves.toMatch(/\d{4}年\d+月\d+日 \d{2}:\d{2} 前/)
    await shot(desk, 'workflow-01-board')
    expect(await seriousViolations(desk)).toEqual([])

    // 超时 only: a fresh case is not overdue, so it leaves the list; back to 全部 and it returns
    await current(desk).getByRole('combobox', { name: '时限' }).selectOption('超时')
    await current(desk).getByText('没有符合条件的投诉').waitFor()
    await current(desk).getByRole('combobox', { name: '时限' }).selectOption('全部')
    await card.waitFor()
  })

  it('when the case is opened, then its clocks explain themselves, and 不予受理 without a reason is refused', async () => {
    await current(desk)
      .getByRole('link', { name: new RegExp(caseNo) })
      .click()
    await settled(desk)
    await current(desk).getByRole('heading', { name: '案件办理' }).waitFor()
    const explanation = current(desk).locator('.clock-list__explanation').first()
    await expect(explanation.innerText()).resolves.toMatch(/^自 .+ 起 /)
    await shot(desk, 'workflow-02-station-case')
    expect(await seriousViolations(desk)).toEqual([])

    await current(desk).getByRole('button', { name: '不予受理', exact: true }).click()
    await current(desk).getByRole('button', { name: '确认不予受理' }).click()
    await current(desk).getByText('请填写原因').waitFor() // the server's words, under the text box
    await shot(desk, 'workflow-03-reason-required')
    expect(await seriousViolations(desk)).toEqual([])
    await current(desk).getByRole('button', { name: '取消' }).click()
  })

  it('when staff tap 受理 (keeping the case type), then the case stays with the shop, which has had it since filing', async () => {
    await current(desk).getByRole('button', { name: '受理', exact: true }).click()
    // accepting asks for the case type, with the case's current one chosen already (食品安全 → goods)
    await expect(current(desk).getByRole('combobox', { name: '案件类型' }).inputValue()).resolves.toBe('商品类（5个工作日）')
    await current(desk).getByRole('button', { name: '确认受理' }).click()
    // 味道小馆 signed the double commitment: the complaint went straight to the shop (issue 16.2), and 受理 leaves it there
    await current(desk).locator('.timeline', { hasText: '维权站已受理' }).waitFor()
    await statusIs(desk, '待商家处理')
    expect(await timelineText(desk)).not.toContain('已转商家处理')
  })

  it('when the demo clerk opens the case and answers with an offer, then it is 商家已答复', async () => {
    const clerkLink = h.lines.find((l) => l.includes('/demo/clerk?key='))?.match(/http\S+/)?.[0]
    await clerk.goto(clerkLink!)
    await settled(clerk)
    await current(clerk)
      .getByRole('link', { name: new RegExp(caseNo) })
      .click()
    await settled(clerk)
    await current(clerk).getByRole('heading', { name: '投诉处理' }).waitFor()
    // the shop sees the complainant masked (王小明 → 王**), never in full
    expect(await current(clerk).locator('.case-detail-view').innerText()).not.toContain('13800138000')
    await shot(clerk, 'workflow-04-merchant-case')
    expect(await seriousViolations(clerk)).toEqual([])

    await current(clerk).getByRole('button', { name: '商家答复', exact: true }).click()
    await current(clerk).getByRole('radio', { name: '退款' }).click()
    await current(clerk).getByRole('textbox', { name: '金额（元）' }).fill('128')
    await current(clerk).getByRole('textbox', { name: '方案说明' }).fill(OFFER)
    await shot(clerk, 'workflow-05-merchant-answer')
    await current(clerk).getByRole('button', { name: '提交答复' }).click()
    await statusIs(clerk, '商家已答复')
    expect(await seriousViolations(clerk)).toEqual([])
  })

  it('when the shopper opens the case, then the offer is shown as 商家方案, and accepting it settles the case', async () => {
    await current(shopper).getByRole('button', { name: '查看我的投诉' }).click()
    await current(shopper)
      .getByRole('link', { name: new RegExp(caseNo) })
      .click()
    await settled(shopper)
    const offer = current(shopper).locator('.case-progress__offer')
    await offer.waitFor()
    const offerText = await offer.innerText()
    expect(offerText).toContain('商家方案')
    expect(offerText).toContain('退款')
    expect(offerText).toContain('128元')
    expect(offerText).toContain(OFFER)
    expect(await timelineText(shopper)).toContain(OFFER_TEXT)
    await expect(current(shopper).locator('.case-progress__next-text').innerText()).resolves.toMatch(/^预计 /)
    await shot(shopper, 'workflow-06-consumer-offer')
    expect(await seriousViolations(shopper)).toEqual([])

    await current(shopper).getByRole('button', { name: '接受商家方案', exact: true }).click()
    await current(shopper).getByRole('alertdialog').getByRole('button', { name: '确认接受' }).click() // issue 16: it asks once more
    await statusIs(shopper, '双方已和解')
  })

  it('when the station closes the case, then both timelines say so and the shopper sees the outcome', async () => {
    await desk.reload()
    await settled(desk)
    await current(desk).getByRole('button', { name: '办结', exact: true }).click()
    await current(desk).getByRole('alertdialog').getByRole('button', { name: '确认办结' }).click() // issue 16: it asks once more
    await statusIs(desk, '已办结')
    const deskTimeline = await timelineText(desk)
    expect(deskTimeline).toContain('消费者接受商家方案')
    expect(deskTimeline).toContain('已办结')
    await current(desk).locator('.timeline').scrollIntoViewIfNeeded()
    await shot(desk, 'workflow-07-station-closed')
    expect(await seriousViolations(desk)).toEqual([])

    await shopper.reload()
    await settled(shopper)
    await statusIs(shopper, '已办结')
    const shopperTimeline = await timelineText(shopper)
    expect(shopperTimeline).toContain('消费者接受商家方案')
    expect(shopperTimeline).toContain('已办结')
    await expect(current(shopper).locator('.case-progress__outcome').innerText()).resolves.toContain('双方自行和解')
    await shot(shopper, 'workflow-08-consumer-closed')
    expect(await seriousViolations(shopper)).toEqual([])
    await current(shopper).locator('.timeline__note--offer').scrollIntoViewIfNeeded()
    await shot(shopper, 'workflow-09-consumer-timeline')
  })
})
