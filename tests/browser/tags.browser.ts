import type { BrowserContext, Page } from 'playwright-core'
import { aSubmission } from '../support/builders'
import { current, DEMO_PASSWORD, seriousViolations, settled, shot, startHarness, type Harness } from './browser-harness'
import { signInAsAdmin, withDeskAdmin } from './support/admin-session'
import { toggleElderly } from './support/elderly-mode'

// 标签 (issue 19.4, docs/tags.md) against the local host and the H5 build: the station's case page
// shows the tags proposed from the complaint's text as pressed chips marked 建议; staff change them
// by keyboard and 确认标签 records who; the board's 标签 filter then finds the case. The administrator's
// 标签管理 adds a tag and disables one only after a dialog. axe finds nothing serious, in normal type
// and in 大字模式.
const DESK = { viewport: { width: 1366, height: 800 }, locale: 'zh-CN' }
const ADMIN = { id: 'staff-tags-admin', username: 'tags.admin', displayName: '市管理员 周' }

type Json = { ok: boolean; data?: Record<string, unknown>; error?: { code: string } }

describe('H5 — tags: proposed, confirmed at the desk, a board filter, edited by the administrator', () => {
  let h: Harness
  let deskCtx: BrowserContext
  let desk: Page
  let caseId = ''
  let caseNo = ''
  const shopCode = () => h.lines.find((l) => l.includes('味道小馆'))?.match(/\/s\/([A-Z0-9]+)/)?.[1] ?? ''

  beforeAll(async () => {
    h = await startHarness({ beforeBoot: withDeskAdmin(ADMIN) })
    const shopper = await h.phone()
    const filed = (await (
      await shopper.request.post(`${h.base}/api/consumer`, {
        data: aSubmission(shopCode(), {
          idempotencyKey: 'tags-browser'.padEnd(16, '0'),
          description: '在店里办了一张会员卡充值两千元，现在店铺关门老板跑路了，余额无法退还',
        }),
      })
    ).json()) as Json
    expect(filed.ok).toBe(true)
    caseId = String(filed.data?.caseId)
    caseNo = String(filed.data?.caseNo)
    deskCtx = await h.browser.newContext(DESK)
    desk = await deskCtx.newPage()
    const login = await deskCtx.request.post(`${h.base}/auth/login`, { data: { username: 'station', password: DEMO_PASSWORD } })
    expect(login.status()).toBe(200)
  })
  afterAll(async () => {
    await h?.close()
  })

  it('when the station opens the case, then 预付卡 is proposed and pressed; a chip toggled by keyboard and 确认标签 record the choice with who', async () => {
    await desk.goto(`${h.base}/#/pages/station/case/index?id=${caseId}`)
    await settled(desk)
    const block = current(desk).locator('.station-case__tags')
    const prepaid = block.getByRole('button', { name: '预付卡（建议）' })
    await prepaid.waitFor()
    await expect(prepaid.getAttribute('aria-pressed')).resolves.toBe('true')
    await block.getByText('标有「建议」的是根据投诉内容建议的标签，尚未确认。').waitFor()
    await block.scrollIntoViewIfNeeded()
    await shot(desk, 'tags-01-proposed')
    expect(await seriousViolations(desk)).toEqual([])

    const contract = block.getByRole('button', { name: '合同条款', exact: true })
    await expect(contract.getAttribute('aria-pressed')).resolves.toBe('false')
    await contract.focus()
    await desk.keyboard.press('Space')
    await expect(contract.getAttribute('aria-pressed')).resolves.toBe('true')
    await block.getByRole('button', { name: '确认标签' }).click()
    await block.getByRole('status').filter({ hasText: '已确认' }).waitFor()
    await block.getByText(/已由 .+ 于 .+ 确认/).waitFor()
    await shot(desk, 'tags-02-confirmed')
    expect(await seriousViolations(desk)).toEqual([])
  })

  it('when the board is filtered by a confirmed tag, then the case is listed; by a tag it does not carry, it is not', async () => {
    await desk.goto(`${h.base}/#/pages/station/board/index`)
    await settled(desk)
    const page = current(desk)
    const select = page.getByRole('combobox', { name: '标签' })
    await select.selectOption('合同条款')
    await page.getByText(caseNo).waitFor()
    await select.selectOption('汽车')
    await page.getByText(caseNo).waitFor({ state: 'detached' })
    expect(await seriousViolations(desk)).toEqual([])
  })

  it('when the administrator adds a tag and disables another, then 停用 asks first and the list says 已停用; clean for axe in both modes', async () => {
    const ctx = await h.phone()
    const page = await ctx.newPage()
    await signInAsAdmin(page, h.base, ADMIN.username)
    await current(page).getByRole('button', { name: '标签管理' }).click()
    await current(page).getByRole('heading', { level: 1, name: '标签管理' }).waitFor()
    await settled(page)
    expect(await seriousViolations(page)).toEqual([])

    await current(page).getByRole('button', { name: '新增标签' }).click()
    await current(page).getByRole('textbox', { name: '标签名称' }).fill('共享单车')
    await current(page)
      .getByRole('textbox', { name: /关键词/ })
      .fill('单车押金、骑行卡')
    await current(page).getByRole('button', { name: '保存标签' }).click()
    await current(page).getByRole('status').filter({ hasText: '已保存标签“共享单车”。' }).waitFor()
    const list = current(page).getByRole('list', { name: '标签列表' })
    await list.getByText('关键词：单车押金、骑行卡').waitFor()

    await current(page).getByRole('button', { name: '停用 装修' }).click()
    const dialog = current(page).getByRole('alertdialog', { name: '停用标签“装修”？' })
    await dialog.getByText('已经加上这个标签的案件保留原样', { exact: false }).waitFor()
    await shot(page, 'tags-03-disable-dialog')
    expect(await seriousViolations(page)).toEqual([])
    await dialog.getByRole('button', { name: '确认停用' }).click()
    await list.getByText('装修（已停用）').waitFor()
    await toggleElderly(page)
    await shot(page, 'tags-04-admin-elderly')
    expect(await seriousViolations(page)).toEqual([])
    await page.close()
  })
})
