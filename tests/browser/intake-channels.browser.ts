import type { BrowserContext, Page } from 'playwright-core'
import { current, DEMO_PASSWORD, seriousViolations, settled, shot, startHarness, type Harness } from './browser-harness'

// Issue 17 items 5 and 6 at the desk (1366×800), against the real local host and the H5 build:
// station staff type in a 12345 hand-over with its 转办单号 and the time 12345 handed it over; the
// case's clocks run from that time, not from the typing. Then the station hands it to another
// department and prints the 移送函. axe on each page.
const DESK = { viewport: { width: 1366, height: 800 }, locale: 'zh-CN' }
const HOUR = 3_600_000

type Json = { ok: boolean; data?: Record<string, unknown>; error?: { code: string } }

/** "2026-03-09 16:30" in Beijing, for an instant (the desk types the 转办单's time as printed). */
function beijingText(t: Date): string {
  const local = new Date(t.getTime() + 8 * HOUR).toISOString()
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`
}

describe('H5 — a 12345 hand-over typed in at the desk', () => {
  let h: Harness
  let deskCtx: BrowserContext
  let desk: Page

  async function api(fn: string, body: object): Promise<Json> {
    const r = await deskCtx.request.post(`${h.base}/api/${fn}`, { data: body })
    return (await r.json()) as Json
  }

  beforeAll(async () => {
    h = await startHarness()
    deskCtx = await h.browser.newContext(DESK)
    desk = await deskCtx.newPage()
    const r = await deskCtx.request.post(`${h.base}/auth/login`, { data: { username: 'station', password: DEMO_PASSWORD } })
    expect(r.status()).toBe(200)
  })
  afterAll(async () => {
    await h?.close()
  })

  let caseId = ''

  it('when staff file a hand-over received three hours ago, then its clocks run from the hand-over, not from the typing', async () => {
    await desk.goto(`${h.base}/#/pages/station/proxy-file/index`)
    await settled(desk)
    const form = current(desk)
    await form.getByRole('heading', { name: '代为登记投诉' }).waitFor()
    await form.getByRole('radio', { name: '12345转办' }).click()
    // a hand-over without its number and time is refused under the fields, before anything is sent
    await form.getByRole('textbox', { name: '12345转办单号' }).waitFor()
    const received = new Date(Math.floor((Date.now() - 3 * HOUR) / 60_000) * 60_000)
    await form.getByRole('textbox', { name: '12345转办单号' }).fill('ZB-20260309-0042')
    await form.getByRole('textbox', { name: '12345转办时间' }).fill(beijingText(received))
    await form.getByRole('searchbox', { name: '商户名称' }).fill('超市')
    await form.getByRole('button', { name: '搜索' }).click()
    await form.getByRole('button', { name: /^选择 优选生活超市/ }).click()
    await form.getByText('被投诉商户').waitFor()
    await form.getByRole('textbox', { name: '当事人的姓名' }).fill('赵建国')
    await form.getByRole('textbox', { name: '手机号码' }).fill('13912340000')
    await form.getByRole('textbox', { name: '联系地址' }).fill('滨江路8号2单元')
    await form.getByRole('combobox', { name: '问题类型' }).selectOption('质量')
    await form.getByRole('checkbox', { name: '换货' }).click()
    await form.getByRole('textbox', { name: '投诉内容' }).fill('来电反映在超市买的电水壶漏电，要求换货。12345转办。')
    await form.getByRole('checkbox', { name: '已向当事人宣读个人信息告知并取得同意' }).click()
    await form.getByRole('radio', { name: '12345转办' }).scrollIntoViewIfNeeded() // the screenshot shows the hand-over's fields
    await shot(desk, 'intake-channels-01-handover-form')
    expect(await seriousViolations(desk)).toEqual([])
    await form.getByRole('button', { name: '代为提交投诉' }).click()
    await current(desk).getByRole('heading', { name: '投诉登记回执' }).waitFor()
    caseId = new URL(desk.url().replace('/#/', '/')).searchParams.get('caseId') ?? ''
    expect(caseId).not.toBe('')

    const seen = await api('station', { action: 'getCase', caseId })
    expect(seen.ok).toBe(true)
    const timeline = seen.data?.timeline as { details: Record<string, unknown> | null }[]
    expect(timeline[0].details).toMatchObject({ kind: 'intake', channel: 'hotline_12345', handoverNo: 'ZB-20260309-0042' })
    expect(Date.parse(String(timeline[0].details?.receivedAt))).toBe(received.getTime())
    const clocks = seen.data?.clocks as { clockId: string; dueAt: string }[]
    const firstAnswer = clocks.find((k) => k.clockId === 'first_answer')
    expect(Date.parse(firstAnswer!.dueAt)).toBe(received.getTime() + 24 * HOUR) // from the hand-over: 21 hours left, not 24
  })

  it('when the station hands the case to another department, then the 移送函 prints with the department and the case', async () => {
    await desk.goto(`${h.base}/#/pages/station/case/index?id=${caseId}`)
    await settled(desk)
    const page = current(desk)
    await page.getByRole('button', { name: '转办', exact: true }).click()
    await page.getByRole('radio', { name: '其他行政部门' }).click()
    await page.getByRole('textbox', { name: '接收单位名称' }).fill('滨江区应急管理局')
    await page.getByRole('textbox', { name: '转办原因' }).fill('电器漏电涉及安全生产，移送应急管理部门')
    expect(await seriousViolations(desk)).toEqual([])
    await page.getByRole('button', { name: '确认转办' }).click()
    await current(desk).getByRole('alertdialog').getByRole('button', { name: '确认转办' }).click()
    await current(desk).getByRole('button', { name: '打印移送函' }).click()
    await current(desk).getByRole('heading', { name: '案件移送函' }).waitFor()
    await settled(desk)
    const letter = await current(desk).locator('.transfer-letter__sheet').innerText()
    expect(letter).toContain('滨江区应急管理局')
    expect(letter).toContain('赵建国')
    expect(letter).toContain('移送回执')
    await shot(desk, 'intake-channels-02-transfer-letter')
    expect(await seriousViolations(desk)).toEqual([])
  })
})
