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

// The first journey of the product, as a shopper, a clerk and station staff would walk it.
describe('H5 at phone size — the first journey', () => {
  let h: Harness
  let shopper: BrowserContext
  let page: Page
  let caseNo = ''

  beforeAll(async () => {
    h = await startHarness()
    shopper = await h.phone()
    page = await shopper.newPage()
  })
  afterAll(async () => {
    await h?.close()
  })

  it('when the printed shop URL is opened, then the complaint form shows the shop already filled in', async () => {
    const entry = h.lines.find((l) => l.includes('味道小馆'))?.match(/http\S+/)?.[0]
    expect(entry).toBe(`${h.base}/s/WDXG26`)
    await page.goto(entry!)
    await settled(page)
    await current(page).getByText('味道小馆').first().waitFor()
    await shot(page, '01-complain-form')
    expect(await seriousViolations(page)).toEqual([])
  })

  it('when the description is left empty, then a Chinese field error appears beside it', async () => {
    await current(page).getByRole('button', { name: '提交投诉' }).click()
    await current(page).getByText('请填写投诉内容').waitFor()
    await shot(page, '02-field-error')
    expect(await seriousViolations(page)).toEqual([])
  })

  it('when the required fields are filled, consent given and the form submitted, then a case number is shown', async () => {
    caseNo = await fileMinimalComplaint(page)
    expect(caseNo).toMatch(/^KS-\d{8}-\d{4}$/)
    await settled(page)
    await shot(page, '03-receipt')
    expect(await seriousViolations(page)).toEqual([])
  })

  it('when 我的投诉 is opened, then the case is listed with its status, also after a reload', async () => {
    await current(page).getByRole('button', { name: '查看我的投诉' }).click()
    await current(page).getByText(caseNo).waitFor()
    await current(page).getByText('待商家处理').first().waitFor() // a signed shop: straight to it
    await shot(page, '04-mine')
    expect(await seriousViolations(page)).toEqual([])
    await page.reload()
    await settled(page)
    await current(page).getByText(caseNo).waitFor()
  })

  it('when the case is opened, then its timeline holds the submission event', async () => {
    await current(page)
      .getByRole('link', { name: new RegExp(caseNo) })
      .click()
    await settled(page)
    const entry = current(page).locator('.timeline__entry').first()
    await entry.waitFor()
    expect(await entry.innerText()).toContain('提交投诉')
    await shot(page, '05-case-timeline')
    expect(await seriousViolations(page)).toEqual([])
  })

  it('when an unknown shop code is opened, then a friendly 未找到该商户 page is shown', async () => {
    const other = await shopper.newPage()
    await other.goto(`${h.base}/s/NOPE99`)
    await settled(other)
    await current(other).getByRole('heading', { name: '未找到该商户' }).waitFor()
    await shot(other, '06-unknown-merchant')
    expect(await seriousViolations(other)).toEqual([])
    await other.close()
  })

  it('when the API gets a malformed body, then it answers 400 with an error code', async () => {
    const res = await page.request.post(`${h.base}/api/consumer`, { headers: { 'content-type': 'application/json' }, data: '{"action":' })
    expect(res.status()).toBe(400)
    expect((await res.json()).error.code).toBe('BAD_REQUEST')
  })

  it('when the demo clerk link is opened, then the merchant home lists the new case', async () => {
    const clerkLink = h.lines.find((l) => l.includes('/demo/clerk?key='))?.match(/http\S+/)?.[0]
    const clerk = await (await h.phone()).newPage()
    await clerk.goto(clerkLink!)
    await settled(clerk)
    await current(clerk).getByText(caseNo).waitFor()
    await shot(clerk, '07-merchant-home')
    expect(await seriousViolations(clerk)).toEqual([])
  })

  it('when station staff sign in, then the board lists the case', async () => {
    const desk = await (await h.phone()).newPage()
    await desk.goto(`${h.base}/#/pages/station/board/index`)
    await settled(desk)
    await current(desk).getByRole('textbox', { name: '用户名' }).fill('station')
    await current(desk).getByLabel('密码').fill(DEMO_PASSWORD)
    await shot(desk, '08-station-login')
    expect(await seriousViolations(desk)).toEqual([])
    await current(desk).getByRole('button', { name: '登录' }).click()
    await current(desk).getByText(caseNo).waitFor()
    await settled(desk)
    await shot(desk, '09-station-board')
    expect(await seriousViolations(desk)).toEqual([])
  })
})
