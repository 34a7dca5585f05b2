import type { BrowserContext, Page } from 'playwright-core'
import sharp from 'sharp'
import { aSubmission } from '../support/builders'
import { current, DEMO_PASSWORD, seriousViolations, settled, shot, startHarness, type Harness } from './browser-harness'

// Issue 16 items 1 and 5, against the real local host and the H5 build:
// - every staff role signs in and lands on a page it can work on, with no 4xx on the way; a page the
//   account may not use never leaves it on a blank login form;
// - 转商家处理, 接受商家方案, 办结 and 调解成功 ask once more in a dialog that says what follows:
//   Esc or 取消 changes nothing, 确认 takes the step; 调解成功 records the agreement, and the shopper
//   and the shop both see it. The desk is 1366×800 (where the board used to show one case).
const DESK = { viewport: { width: 1366, height: 800 }, locale: 'zh-CN' }
const TERMS = '商家退还货款68元并当面道歉'

type Json = { ok: boolean; data?: Record<string, unknown>; error?: { code: string } }

describe('H5 — staff landing pages and confirmations of what cannot be undone', () => {
  let h: Harness
  let shopperCtx: BrowserContext
  let clerkCtx: BrowserContext
  let deskCtx: BrowserContext
  let proxyCtx: BrowserContext
  let shopper: Page
  let clerk: Page
  let desk: Page
  const shopCode = () => h.lines.find((l) => l.includes('味道小馆'))?.match(/\/s\/([A-Z0-9]+)/)?.[1] ?? ''

  async function api(ctx: BrowserContext, fn: string, body: object): Promise<Json> {
    const r = await ctx.request.post(`${h.base}/api/${fn}`, { data: body })
    return (await r.json()) as Json
  }
  async function signIn(ctx: BrowserContext, username: string) {
    const r = await ctx.request.post(`${h.base}/auth/login`, { data: { username, password: DEMO_PASSWORD } })
    expect(r.status()).toBe(200)
  }
  /** A shopper's complaint at 味道小馆, taken by the station up to the shop's answer (an offer of 68元). */
  async function answeredCase(tag: string): Promise<string> {
    const filed = await api(shopperCtx, 'consumer', aSubmission(shopCode(), { idempotencyKey: `confirm-${tag}`.padEnd(16, '0') }))
    expect(filed.ok).toBe(true)
    const caseId = String(filed.data?.caseId)
    const act = (caseAction: string) => api(deskCtx, 'station', { action: 'actOnCase', caseId, caseAction })
    await act('accept') // straight to the shop or not, the station still decides on acceptance
    const seen = await api(deskCtx, 'station', { action: 'getCase', caseId })
    if (seen.data?.status === 'accepted') expect((await act('dispatch')).ok).toBe(true)
    const offer = { kind: 'offer', remedy: 'refund', amountFen: 6800, note: '全额退款' }
    expect((await api(clerkCtx, 'merchant', { action: 'actOnCase', caseId, caseAction: 'answer', details: offer })).ok).toBe(true)
    return caseId
  }
  async function statusIs(page: Page, status: string) {
    await current(page).locator('.case-detail-view__top .status-tag', { hasText: status }).waitFor()
  }
  async function openStationCase(caseId: string) {
    await desk.goto(`${h.base}/#/pages/station/case/index?id=${caseId}`)
    await settled(desk)
  }
  const dialogOf = (page: Page) => current(page).getByRole('alertdialog')

  beforeAll(async () => {
    h = await startHarness()
    shopperCtx = await h.phone()
    shopper = await shopperCtx.newPage()
    clerkCtx = await h.phone()
    clerk = await clerkCtx.newPage()
    deskCtx = await h.browser.newContext(DESK)
    desk = await deskCtx.newPage()
    proxyCtx = await h.browser.newContext(DESK)
    // the clerk link binds this browser to 味道小馆
    const clerkLink = h.lines.find((l) => l.includes('/demo/clerk'))?.match(/http\S+/)?.[0]
    await clerk.goto(clerkLink!)
    await settled(clerk)
    await signIn(deskCtx, 'station')
    await signIn(proxyCtx, 'proxy')
  })
  afterAll(async () => {
    await h?.close()
  })

  it.each([
    ['station', '维权站工作台', '本站未结投诉'],
    ['proxy', '代为登记投诉', '我最近登记的投诉'],
    ['regulator', '市场监管工作台', '全市未结投诉'],
  ])('when %s signs in, then it lands on %s showing %s, with no 4xx on the way', async (username, heading, section) => {
    const ctx = await h.browser.newContext(DESK)
    const page = await ctx.newPage()
    const refused: string[] = []
    page.on('response', (r) => {
      if (r.status() >= 400) refused.push(`${r.status()} ${r.url()}`)
    })
    await page.goto(`${h.base}/#/pages/station/login/index`)
    await settled(page)
    await current(page).getByRole('textbox', { name: '用户名' }).fill(username)
    await current(page).getByLabel('密码').fill(DEMO_PASSWORD)
    await current(page).getByRole('button', { name: '登录' }).click()
    await current(page).getByRole('heading', { name: heading, level: 1 }).waitFor()
    await current(page)
      .getByRole('heading', { name: new RegExp(section) })
      .waitFor()
    await settled(page)
    expect(refused).toEqual([])
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, `landing-${username}`)
    await ctx.close()
  })

  it('when a proxy account opens the board, then it is taken to its filing page, never a blank login form', async () => {
    const page = await proxyCtx.newPage()
    await page.goto(`${h.base}/#/pages/station/board/index`)
    await current(page).getByRole('heading', { name: '代为登记投诉', level: 1 }).waitFor()
    await page.close()
  })

  it('when someone not signed in opens the board, then the login form says why they are there', async () => {
    const ctx = await h.browser.newContext(DESK)
    const page = await ctx.newPage()
    await page.goto(`${h.base}/#/pages/station/board/index`)
    await current(page).getByRole('heading', { name: '维权站工作人员登录' }).waitFor()
    await expect(current(page).getByRole('status').first().innerText()).resolves.toContain('请先登录')
    await ctx.close()
  })

  it('when the station presses 转商家处理, then a dialog says what follows; Esc and 取消 change nothing, 确认 dispatches', async () => {
    // a proxy filing takes the usual road through the station (received → accepted → dispatch)
    const filed = await api(proxyCtx, 'proxy', {
      ...aSubmission(shopCode(), { idempotencyKey: 'confirm-dispatch'.padEnd(16, '0') }),
      action: 'fileComplaint',
      attestation: true,
    })
    const caseId = String(filed.data?.caseId)
    expect((await api(deskCtx, 'station', { action: 'actOnCase', caseId, caseAction: 'accept' })).ok).toBe(true)
    await openStationCase(caseId)
    const button = current(desk).getByRole('button', { name: '转商家处理', exact: true })
    await button.click()
    const dialog = dialogOf(desk)
    await dialog.waitFor()
    await expect(dialog.innerText()).resolves.toContain('不能撤回')
    // focus moved into the dialog, onto the safe choice
    await expect(desk.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toBe('取消')
    expect(await seriousViolations(desk)).toEqual([])
    await shot(desk, 'confirm-dispatch-dialog')
    await desk.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    await expect(desk.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toBe('转商家处理')
    await button.click()
    await dialog.getByRole('button', { name: '取消' }).click()
    await dialog.waitFor({ state: 'detached' })
    await statusIs(desk, '已受理')
    expect((await api(deskCtx, 'station', { action: 'getCase', caseId })).data?.status).toBe('accepted')
    await button.click()
    await dialog.getByRole('button', { name: '确认转交' }).click()
    await statusIs(desk, '待商家处理')
  })

  it('when the shopper presses 接受商家方案, then 取消 keeps the offer open, 确认 accepts it, and the offer stays on the case', async () => {
    const caseId = await answeredCase('accept')
    await shopper.goto(`${h.base}/#/pages/consumer/case/index?id=${caseId}`)
    await settled(shopper)
    const button = current(shopper).getByRole('button', { name: '接受商家方案', exact: true })
    await button.click()
    const dialog = dialogOf(shopper)
    await expect(dialog.innerText()).resolves.toContain('不能再申请调解')
    await expect(dialog.innerText()).resolves.toContain('商家方案：退款 68元') // what is being accepted, repeated
    await shot(shopper, 'confirm-accept-offer-dialog')
    await dialog.getByRole('button', { name: '取消' }).click()
    await dialog.waitFor({ state: 'detached' })
    await statusIs(shopper, '商家已答复')
    await button.click()
    await dialog.getByRole('button', { name: '确认接受' }).click()
    await statusIs(shopper, '双方已和解')
    const kept = current(shopper).locator('.offer-card', { hasText: '已接受的商家方案' })
    await expect(kept.innerText()).resolves.toContain('68元')

    // 办结 at the desk: cancel first, then confirm
    await openStationCase(caseId)
    const close = current(desk).getByRole('button', { name: '办结', exact: true })
    await close.click()
    await expect(dialogOf(desk).innerText()).resolves.toContain('不能撤销')
    await dialogOf(desk).getByRole('button', { name: '取消' }).click()
    await dialogOf(desk).waitFor({ state: 'detached' })
    await statusIs(desk, '双方已和解')
    await close.click()
    await dialogOf(desk).getByRole('button', { name: '确认办结' }).click()
    await statusIs(desk, '已办结')
  })

  it('when the station records 调解成功, then it asks for the agreement, confirms it, and the shopper and the shop both see it', async () => {
    const caseId = await answeredCase('mediate')
    expect((await api(shopperCtx, 'consumer', { action: 'actOnMyCase', caseId, caseAction: 'refuseOffer', reason: '金额不够' })).ok).toBe(
      true,
    )
    await openStationCase(caseId)
    await statusIs(desk, '调解中')
    await current(desk).getByRole('button', { name: '调解成功', exact: true }).click()
    const performBy = await desk.evaluate(() => {
      const d = new Date(Date.now() + 8 * 3600_000 + 7 * 86_400_000) // a week from today in Beijing
      return d.toISOString().slice(0, 10)
    })
    await current(desk).getByRole('textbox', { name: '协议内容' }).fill(TERMS)
    await current(desk).getByRole('textbox', { name: '金额（元）' }).fill('68')
    await current(desk).getByRole('textbox', { name: '履行日期' }).fill(performBy)
    await current(desk).getByRole('button', { name: '下一步：确认协议' }).click()
    const dialog = dialogOf(desk)
    await expect(dialog.innerText()).resolves.toContain(TERMS)
    await shot(desk, 'confirm-mediation-dialog')
    await desk.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    await statusIs(desk, '调解中')
    await current(desk).getByRole('button', { name: '下一步：确认协议' }).click()
    await dialog.getByRole('button', { name: '确认调解成功' }).click()
    await statusIs(desk, '调解成功')
    const [y, m, d] = performBy.split('-').map(Number)
    const due = `${y}年${m}月${d}日前`
    for (const [page, url] of [
      [shopper, `${h.base}/#/pages/consumer/case/index?id=${caseId}`],
      [clerk, `${h.base}/#/pages/merchant/case/index?id=${caseId}`],
    ] as const) {
      await page.goto(url)
      await settled(page)
      const card = current(page).locator('.agreement-card')
      await card.waitFor()
      const text = await card.innerText()
      expect(text).toContain(TERMS)
      expect(text).toContain('68元')
      expect(text).toContain(due)
    }
    await shot(shopper, 'agreement-shopper')
  })

  it('when a case has a photo, then its evidence list shows the picture itself from the signed /files/ link, not only its name', async () => {
    const photo = await sharp({ create: { width: 320, height: 240, channels: 3, background: '#c33' } })
      .jpeg()
      .toBuffer()
    const uploaded = await shopperCtx.request.post(`${h.base}/upload/evidence`, {
      multipart: { kind: 'photo', file: { name: 'dish.jpg', mimeType: 'image/jpeg', buffer: photo } },
    })
    expect(uploaded.status()).toBe(200)
    const evidenceId = String(((await uploaded.json()) as Json).data?.id)
    const filed = await api(
      shopperCtx,
      'consumer',
      aSubmission(shopCode(), { idempotencyKey: 'confirm-photo'.padEnd(16, '0'), evidenceIds: [evidenceId] }),
    )
    expect(filed.ok).toBe(true)
    for (const [page, url] of [
      [shopper, `${h.base}/#/pages/consumer/case/index?id=${String(filed.data?.caseId)}`],
      [desk, `${h.base}/#/pages/station/case/index?id=${String(filed.data?.caseId)}`],
    ] as const) {
      await page.goto(url)
      await settled(page)
      const img = current(page).locator('.evidence-list__img img')
      await img.scrollIntoViewIfNeeded()
      await expect(img.getAttribute('src')).resolves.toMatch(/^\/files\//)
      // decoded: the browser fetched and drew the picture (a blocked or broken link has no natural width)
      await page.waitForFunction(
        (el) => el instanceof HTMLImageElement && el.complete && el.naturalWidth === 320,
        await img.elementHandle(),
      )
    }
    await shot(shopper, 'evidence-thumbnail')
  })

  it('when the board opens on a 1366×800 desk, then several cases show above the fold', async () => {
    for (let i = 0; i < 4; i++)
      await api(proxyCtx, 'proxy', {
        ...aSubmission(shopCode(), { idempotencyKey: `confirm-board-${i}`.padEnd(16, '0') }),
        action: 'fileComplaint',
        attestation: true,
      })
    await desk.goto(`${h.base}/#/pages/station/board/index`)
    await settled(desk)
    const cards = current(desk).getByRole('list', { name: '本站未结投诉列表' }).getByRole('link')
    await cards.first().waitFor()
    await shot(desk, 'board-desk-1366')
    const above = await cards.evaluateAll((els) => els.filter((e) => e.getBoundingClientRect().bottom <= window.innerHeight).length)
    expect(above).toBeGreaterThanOrEqual(4)
  })
})
