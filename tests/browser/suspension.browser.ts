import type { BrowserContext, Page } from 'playwright-core'
import { aSubmission } from '../support/builders'
import { current, DEMO_PASSWORD, seriousViolations, settled, shot, startHarness, type Harness } from './browser-harness'

// Issue 17.8 against the real local host and the H5 build: the station suspends a mediation on its case
// page (中止调解: a listed ground and its own words), the deadlines say they are paused, and 恢复调解 runs
// them again; the timeline words both steps.
const DESK = { viewport: { width: 1366, height: 800 }, locale: 'zh-CN' }
type Json = { ok: boolean; data?: Record<string, unknown>; error?: { code: string } }

describe('H5 — the station suspends and resumes a mediation', () => {
  let h: Harness
  let deskCtx: BrowserContext
  let desk: Page
  let caseId = ''
  const shopCode = () => h.lines.find((l) => l.includes('味道小馆'))?.match(/\/s\/([A-Z0-9]+)/)?.[1] ?? ''

  async function api(ctx: BrowserContext, fn: string, body: object): Promise<Json> {
    const r = await ctx.request.post(`${h.base}/api/${fn}`, { data: body })
    return (await r.json()) as Json
  }
  const step = (caseAction: string, reason = '') => api(deskCtx, 'station', { action: 'actOnCase', caseId, caseAction, reason })

  beforeAll(async () => {
    h = await startHarness()
    const shopperCtx = await h.phone()
    deskCtx = await h.browser.newContext(DESK)
    desk = await deskCtx.newPage()
    const login = await deskCtx.request.post(`${h.base}/auth/login`, { data: { username: 'station', password: DEMO_PASSWORD } })
    expect(login.status()).toBe(200)
    const filed = await api(shopperCtx, 'consumer', aSubmission(shopCode(), { idempotencyKey: 'suspension-h5'.padEnd(16, '0') }))
    expect(filed.ok).toBe(true)
    caseId = String(filed.data?.caseId)
    // the shop has it (the demo shop signed the double commitment); the station accepts and steps in to mediate
    expect(await step('accept')).toMatchObject({ ok: true })
    expect(await step('escalate', '双方分歧较大，维权站介入调解')).toMatchObject({ ok: true, data: { status: 'mediating' } })
  })
  afterAll(async () => {
    await h?.close()
  })

  it('when the station suspends the mediation with a ground and then resumes it, then the deadlines say they paused and the timeline records both', async () => {
    await desk.goto(`${h.base}/#/pages/station/case/index?id=${caseId}`)
    await settled(desk)
    const page = current(desk)
    await page.getByRole('button', { name: '中止调解' }).click()
    const ground = page.getByRole('radiogroup', { name: '中止原因' })
    await ground.waitFor()
    // 其他 without words is stopped here, with the server's own wording
    await ground.getByRole('radio', { name: '其他' }).click()
    await page.getByRole('button', { name: '确认中止调解' }).click()
    await page.getByText('请填写中止原因').waitFor()
    await ground.getByRole('radio', { name: '当事人无法联系' }).click()
    await page.getByRole('textbox', { name: '说明' }).fill('多次拨打商家负责人电话无人接听')
    expect(await seriousViolations(desk)).toEqual([])
    await page.getByRole('button', { name: '确认中止调解' }).click()

    await page.getByRole('status').filter({ hasText: '已中止调解' }).waitFor()
    const deadlines = page.getByRole('list', { name: '处理时限' })
    const mediation = deadlines.getByRole('listitem').filter({ hasText: '调解期限' })
    await mediation.getByText('调解已中止', { exact: false }).waitFor()
    await expect(mediation.locator('.clock-badge').innerText()).resolves.toContain('已暂停')
    const timeline = page.getByRole('list', { name: '处理进度' })
    const suspended = timeline.getByRole('listitem').filter({ hasText: '调解中止，期限暂停计算' })
    await suspended.getByText('中止原因：当事人无法联系').waitFor()
    await expect(suspended.innerText()).resolves.toContain('多次拨打商家负责人电话无人接听')
    // while suspended: resume is offered, an agreement is not
    await page.getByRole('button', { name: '恢复调解' }).waitFor()
    await expect(page.getByRole('button', { name: '调解成功' }).count()).resolves.toBe(0)
    await shot(desk, 'station-mediation-suspended')
    expect(await seriousViolations(desk)).toEqual([])

    await page.getByRole('button', { name: '恢复调解' }).click()
    await page.getByRole('textbox', { name: '恢复调解的说明（如：检验报告已出具）' }).fill('已联系上商家负责人')
    await page.getByRole('button', { name: '确认恢复调解' }).click()
    await page.getByRole('status').filter({ hasText: '已恢复调解' }).waitFor()
    await timeline
      .getByRole('listitem')
      .filter({ hasText: '恢复调解，期限继续计算' })
      .getByText('中止的调解已恢复', { exact: false })
      .waitFor()
    await page.getByRole('button', { name: '调解成功' }).waitFor()
    await expect(mediation.innerText()).resolves.toContain('期限顺延至')
    await expect(mediation.locator('.clock-badge').innerText()).resolves.not.toContain('已暂停')
    await shot(desk, 'station-mediation-resumed')
    expect(await seriousViolations(desk)).toEqual([])
  })
})
