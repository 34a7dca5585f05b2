import type { Locator, Page } from 'playwright-core'
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

// Issue #6, the in-app inbox end to end against the real local host (which delivers the outbox
// every 5 s) and the H5 build, every browser a 390×844 phone: a shopper files a complaint and a
// second shopper an anonymous report; the shop's clerk and the station find them in their inboxes;
// the station accepts the complaint; the shopper's 消息 badge turns to 1 by itself (the link asks
// again while the page shows), the inbox says 已受理, a tap opens the case and the badge goes.
// Nothing sleeps: every wait is for something on the page, bounded by DELIVERY_MS.
const DELIVERY_MS = 45_000 // one outbox cycle (5 s) + one inbox refresh (15 s), with room for a slow machine

/** axe on the current page, then a screenshot: every inbox page gets both. */
async function checked(page: Page, name: string) {
  await shot(page, `inbox-${name}`)
  expect(await seriousViolations(page)).toEqual([])
}

const inboxLink = (page: Page, name: string | RegExp) => current(page).getByRole('link', { name, exact: typeof name === 'string' })
const entry = (page: Page, text: string | RegExp): Locator => current(page).locator('.inbox-entry', { hasText: text })

describe('H5 at phone size — the inbox (消息) for shopper, clerk and station', () => {
  let h: Harness
  let shopper: Page
  let clerk: Page
  let desk: Page
  let caseNo = ''
  let shopEntry = ''

  beforeAll(async () => {
    h = await startHarness()
    shopper = await (await h.phone()).newPage()
    clerk = await (await h.phone()).newPage()
    desk = await (await h.phone()).newPage()
    shopEntry = h.lines.find((l) => l.includes('味道小馆'))?.match(/http\S+/)?.[0] ?? ''
  })
  afterAll(async () => {
    await h?.close()
  })

  it('when a shopper files a complaint, then their inbox is empty and says so plainly, and the home page shows 消息 with no count', async () => {
    await shopper.goto(shopEntry)
    await settled(shopper)
    caseNo = await fileMinimalComplaint(shopper)

    await shopper.goto(`${h.base}/#/pages/consumer/home/index`)
    await settled(shopper)
    await inboxLink(shopper, '消息').waitFor()
    await checked(shopper, '01-home')
    await inboxLink(shopper, '消息').click()
    await settled(shopper)
    await current(shopper).getByRole('heading', { name: '消息' }).waitFor()
    await current(shopper).getByText('暂时没有消息。投诉有新进展时，会在这里通知您。').waitFor()
    await checked(shopper, '02-consumer-empty')
  })

  it('when another shopper files an anonymous report, then it goes to the station only (the shop is never told)', async () => {
    const reporter = await (await h.phone()).newPage()
    await reporter.goto(shopEntry)
    await settled(reporter)
    const form = current(reporter)
    await form.getByRole('radio', { name: /^举报/ }).click()
    await form.getByRole('switch', { name: '匿名举报' }).click()
    await form.getByRole('combobox', { name: '问题类型' }).selectOption('虚假宣传/广告')
    await form.getByRole('textbox', { name: '举报内容' }).fill('店门口的海报写着全场五折，结账时却说不参加活动。')
    await form.getByRole('checkbox', { name: '我已阅读并同意《个人信息告知》' }).click()
    await form.getByRole('button', { name: '提交举报' }).click()
    await current(reporter).locator('.query-code').waitFor()
    await reporter.close()
  })

  it('when the clerk opens the shop inbox, then the new complaint is there, and H5 offers no 开启微信提醒', async () => {
    const clerkLink = h.lines.find((l) => l.includes('/demo/clerk?key='))?.match(/http\S+/)?.[0]
    await clerk.goto(clerkLink!)
    await settled(clerk)
    await clerk.goto(`${h.base}/#/pages/merchant/inbox/index`)
    await settled(clerk)
    // already delivered, or arriving within a cycle while the page is open
    const newCase = entry(clerk, caseNo)
    await newCase.waitFor({ timeout: DELIVERY_MS })
    await expect(newCase.getAttribute('aria-label')).resolves.toMatch(/^未读，/)
    expect(await current(clerk).getByRole('button', { name: '开启微信提醒' }).count()).toBe(0)
    expect(await current(clerk).innerText()).not.toContain('店门口的海报') // the report never reaches the shop
    await checked(clerk, '03-merchant')
  })

  it('when station staff sign in, then the board links to 消息 with the report counted, and the inbox lists it', async () => {
    await desk.goto(`${h.base}/#/pages/station/board/index`)
    await settled(desk)
    await current(desk).getByRole('textbox', { name: '用户名' }).fill('station')
    await current(desk).getByLabel('密码').fill(DEMO_PASSWORD)
    await current(desk).getByRole('button', { name: '登录' }).click()
    await current(desk)
      .getByRole('link', { name: new RegExp(caseNo) })
      .waitFor()
    const badge = inboxLink(desk, /^消息，\d+条未读$/)
    await badge.waitFor({ timeout: DELIVERY_MS })
    await shot(desk, 'inbox-04-board')

    await badge.click()
    await settled(desk)
    await current(desk).getByRole('heading', { name: '站点消息' }).waitFor()
    const report = entry(desk, '收到新举报') // a report is told as 举报, never as a complaint
    await report.first().waitFor()
    expect(await report.first().innerText()).toContain('请在24小时内告知举报人是否受理')
    expect(await current(desk).getByText('发送失败的通知').count()).toBe(0) // nothing parked: no section
    await checked(desk, '05-station')

    await current(desk).getByRole('button', { name: '全部标为已读' }).click()
    await current(desk).getByText('全部已读').waitFor()
    expect(await current(desk).locator('.inbox-entry--unread').count()).toBe(0)
  })

  it("when the station accepts the complaint, then the shopper's 消息 shows 1 by itself and the inbox says 已受理", async () => {
    await current(desk).getByRole('button', { name: '返回工作台' }).click()
    await settled(desk)
    await current(desk)
      .getByRole('link', { name: new RegExp(caseNo) })
      .click()
    await settled(desk)
    await current(desk).getByRole('button', { name: '受理', exact: true }).click()
    await current(desk).getByRole('button', { name: '确认受理' }).click()
    // 味道小馆 signed the double commitment, so the case is with the shop already and acceptance leaves
    // its status there: the step is done when 受理 is no longer offered
    await current(desk).getByRole('button', { name: '受理', exact: true }).waitFor({ state: 'detached' })

    // the shopper sits on 我的投诉; nobody reloads anything
    await shopper.goto(`${h.base}/#/pages/consumer/mine/index`)
    await settled(shopper)
    await inboxLink(shopper, '消息，1条未读').waitFor({ timeout: DELIVERY_MS })
    await shot(shopper, 'inbox-06-mine-badge')
    expect(await seriousViolations(shopper)).toEqual([])

    await inboxLink(shopper, '消息，1条未读').click()
    await settled(shopper)
    const accepted = entry(shopper, '已受理')
    await accepted.waitFor()
    expect(await accepted.innerText()).toContain(`您的投诉（${caseNo}）已受理`)
    await expect(accepted.getAttribute('aria-label')).resolves.toMatch(/^未读，投诉已受理，\d+月\d+日 \d{2}:\d{2}，/)
    await current(shopper).getByText('1条未读').waitFor()
    await checked(shopper, '07-consumer-unread')
    await current(shopper).getByRole('switch', { name: '大字模式' }).click()
    await current(shopper).locator('.page--elderly').waitFor()
    await checked(shopper, '08-consumer-elderly')
    await current(shopper).getByRole('switch', { name: '大字模式' }).click()
    await current(shopper).locator('.page--elderly').waitFor({ state: 'detached' })
  })

  it('when the shopper taps the message, then the case opens, and back on 我的投诉 the badge is gone', async () => {
    await entry(shopper, '已受理').click()
    await settled(shopper)
    await current(shopper).getByRole('heading', { name: '投诉详情' }).waitFor()
    await expect(current(shopper).locator('.case-no').first().innerText()).resolves.toBe(caseNo)

    await shopper.goBack()
    await settled(shopper)
    await current(shopper).getByText('全部已读').waitFor() // the inbox asked again on showing
    expect(await current(shopper).locator('.inbox-entry--unread').count()).toBe(0)
    await shopper.goBack()
    await settled(shopper)
    await inboxLink(shopper, '消息').waitFor()
    expect(await current(shopper).locator('.inbox-link__badge').count()).toBe(0)
  })
})
