import type { BrowserContext, Page } from 'playwright-core'
import { current, DEMO_PASSWORD, seriousViolations, settled, shot, startHarness, type Harness } from './browser-harness'
import { signInAsAdmin, withDeskAdmin } from './support/admin-session'
import { toggleElderly } from './support/elderly-mode'

// Issue 15 items 2 and 4 on the desk (H5, the local host, a session cookie): an administrator signs
// in and lands on 管理, creates a site (each missing field named under it), a station account for
// that site, issues the account's one-time binding code (large, and as a QR of the binding link),
// and disables the account only after a dialog that says what follows — after which it cannot sign
// in. axe finds nothing serious on the way, in normal type and in 大字模式.
const ADMIN = { id: 'staff-city-admin', username: 'city.admin', displayName: '市管理员 陈' }
const STATION = { username: 'xc.station', displayName: '新城站 张', password: 'xincheng-desk-1' }

describe('H5 — the administrator: sites, staff accounts, binding codes', () => {
  let h: Harness
  let ctx: BrowserContext
  let page: Page
  const heading = (name: string) => current(page).getByRole('heading', { level: 1, name }).waitFor()

  beforeAll(async () => {
    h = await startHarness({ beforeBoot: withDeskAdmin(ADMIN) })
    ctx = await h.phone()
    page = await ctx.newPage()
  })
  afterAll(async () => {
    await h?.close()
  })

  it('when the administrator signs in, then 管理 opens with its four entries, clean for axe in normal type and in 大字模式', async () => {
    await signInAsAdmin(page, h.base, ADMIN.username)
    await settled(page)
    const home = current(page)
    await home.getByText(`${ADMIN.displayName}（管理员）`).waitFor()
    for (const name of ['站点管理', '工作人员账号', '星河广场的商户', '统计']) await home.getByRole('button', { name }).waitFor()
    expect(await seriousViolations(page)).toEqual([])
    await toggleElderly(page)
    await shot(page, 'admin-01-home-elderly')
    expect(await seriousViolations(page)).toEqual([])
    await toggleElderly(page)
  })

  it('when a site is saved empty and then filled in, then the missing name is said under its field, and the new site is listed', async () => {
    await current(page).getByRole('button', { name: '站点管理' }).click()
    await heading('站点管理')
    await settled(page)
    const sites = current(page)
    await sites.getByRole('button', { name: '新增站点' }).click()
    await sites.getByRole('button', { name: '保存站点' }).click()
    await sites.locator('#field-name').getByText('请填写站点名称').waitFor()
    // Taro's input web component passes aria-invalid to its <input> a frame later: wait for it
    await sites.getByRole('textbox', { name: '站点名称' }).and(sites.locator('[aria-invalid="true"]')).waitFor()
    expect(await seriousViolations(page)).toEqual([])

    await sites.getByRole('textbox', { name: '站点名称' }).fill('新城广场')
    await sites.getByRole('textbox', { name: '地址' }).fill('新城路1号')
    await sites.getByRole('textbox', { name: '咨询电话' }).fill('0571-88880000')
    await sites.getByRole('button', { name: '保存站点' }).click()
    await sites.getByRole('status').getByText('已保存站点“新城广场”。').waitFor()
    const row = sites.getByRole('listitem').filter({ hasText: '新城广场' })
    await row.getByText('新城路1号 · 电话 0571-88880000').waitFor()
    // edited in place: the form starts from what is saved, and the same rules hold
    await row.getByRole('button', { name: '编辑 新城广场' }).click()
    const editing = sites.getByRole('group', { name: '编辑站点：新城广场' })
    expect(await editing.getByRole('textbox', { name: '站点名称' }).inputValue()).toBe('新城广场')
    await editing.getByRole('textbox', { name: '咨询电话' }).fill('0571-88889999')
    await editing.getByRole('button', { name: '保存站点' }).click()
    await row.getByText('新城路1号 · 电话 0571-88889999').waitFor()
    await shot(page, 'admin-02-sites')
    expect(await seriousViolations(page)).toEqual([])
    await row.getByRole('button', { name: '工作人员 新城广场' }).click()
    await heading('工作人员账号')
  })

  it("when a station account is created for the site, then each problem is named under its field first, and the account's page opens", async () => {
    await settled(page)
    const staff = current(page)
    await staff.getByText('这个站点还没有工作人员账号').waitFor()
    expect(await staff.getByRole('combobox', { name: '站点' }).inputValue()).toBe('新城广场')
    await staff.getByRole('button', { name: '新增工作人员账号' }).click()
    await staff.getByRole('button', { name: '创建账号' }).click()
    await staff.locator('#field-role').getByText('请选择角色').waitFor()
    await staff.locator('#field-username').getByText('请输入用户名').waitFor()
    await staff.locator('#field-displayName').getByText('请填写姓名').waitFor()
    expect(await seriousViolations(page)).toEqual([])

    await staff.getByRole('radio', { name: /^维权站/ }).click()
    await staff.getByRole('textbox', { name: '用户名' }).fill(STATION.username)
    await staff.getByRole('textbox', { name: '姓名' }).fill(STATION.displayName)
    expect(await staff.getByRole('combobox', { name: '所属站点' }).inputValue()).toBe('新城广场') // the list's site
    await staff.getByLabel('初始密码').fill('short')
    await staff.getByRole('button', { name: '创建账号' }).click()
    await staff.locator('#field-password').getByText('密码至少10位').waitFor()
    await staff.getByLabel('初始密码').fill(STATION.password)
    await staff.getByRole('button', { name: '创建账号' }).click()
    await heading(STATION.displayName)
    await settled(page)
    await current(page).getByText('用户名 xc.station').waitFor()
    await current(page).getByText('站点 新城广场').waitFor()
  })

  it('when a binding code is issued, then it is shown large, once, with a QR of the binding link that carries it', async () => {
    const account = current(page)
    await account.getByText('还没有绑定的微信').waitFor()
    await account.getByRole('button', { name: '生成绑定码' }).click()
    const issued = account.getByRole('group', { name: '新的绑定码' })
    const shown = (await issued.locator('.admin-account__code').innerText()).trim()
    expect(shown).toMatch(/^[A-Z0-9]{4} [A-Z0-9]{4} [A-Z0-9]{4}$/)
    const code = shown.replace(/ /g, '')
    const qr = issued.getByRole('img', { name: '微信绑定二维码' })
    await qr.waitFor()
    expect(await qr.getAttribute('data-qr-text')).toBe(`${h.base}/#/pages/staff/bind/index?code=${code}`)
    await issued.getByText('只能使用一次', { exact: false }).waitFor()
    await shot(page, 'admin-03-binding-code')
    expect(await seriousViolations(page)).toEqual([])
  })

  it('when the account is disabled, then a dialog says what follows first; 取消 changes nothing, 确认停用 does, and it can no longer sign in', async () => {
    const account = current(page)
    await account.getByRole('button', { name: '停用账号' }).click()
    const dialog = account.getByRole('alertdialog', { name: `停用“${STATION.displayName}”？` })
    await dialog.getByText('已绑定的微信下一次操作就会被拒绝', { exact: false }).waitFor()
    expect(await seriousViolations(page)).toEqual([])
    await dialog.getByRole('button', { name: '取消' }).click()
    await dialog.waitFor({ state: 'detached' })
    expect(await account.getByText('已停用').count()).toBe(0)
    const stillIn = await ctx.request.post(`${h.base}/auth/login`, { data: { username: STATION.username, password: STATION.password } })
    expect(stillIn.status()).toBe(200)
    await ctx.request.post(`${h.base}/auth/logout`, { data: {} }) // that sign-in replaced the admin's session: sign the admin in again
    await ctx.request.post(`${h.base}/auth/login`, { data: { username: ADMIN.username, password: DEMO_PASSWORD } })

    await account.getByRole('button', { name: '停用账号' }).click()
    await dialog.getByRole('button', { name: '确认停用' }).click()
    await account.getByRole('status').getByText(`已停用“${STATION.displayName}”。`).waitFor()
    await account.getByText('账号已停用，不能生成绑定码。').waitFor()
    await account.getByRole('button', { name: '启用账号' }).waitFor()
    const refused = await ctx.request.post(`${h.base}/auth/login`, { data: { username: STATION.username, password: STATION.password } })
    expect(refused.status()).not.toBe(200)

    // 大字模式: the page and the dialog stay clean for axe
    await toggleElderly(page)
    await account.getByRole('button', { name: '启用账号' }).click()
    await account.getByRole('alertdialog', { name: `启用“${STATION.displayName}”？` }).waitFor()
    await shot(page, 'admin-04-enable-dialog-elderly')
    expect(await seriousViolations(page)).toEqual([])
    await account.getByRole('button', { name: '取消' }).click()
    expect(await seriousViolations(page)).toEqual([])
    await toggleElderly(page)
  })

  it("when the administrator opens a site's shops from 管理, then the station's registry works for that site: a shop registered there belongs to it", async () => {
    await page.goto(`${h.base}/#/pages/staff/admin/home/index`)
    await heading('管理')
    await settled(page)
    await current(page).getByRole('button', { name: '新城广场的商户' }).click()
    await heading('商户管理')
    await settled(page)
    const list = current(page)
    await list.getByText('新城广场 · 共 0 家商户').waitFor()
    await list.getByRole('button', { name: '返回管理' }).waitFor()
    await list.getByRole('button', { name: '新增商户' }).click()
    await heading('新增商户')
    await settled(page)
    const form = current(page)
    await form.getByRole('textbox', { name: '店铺名称' }).fill('新城小吃')
    await form.getByRole('textbox', { name: '统一社会信用代码' }).fill('91330106MA2K00001K')
    await form.getByRole('combobox', { name: '行业' }).selectOption('食品')
    await form.getByRole('button', { name: '新增商户' }).click()
    await heading('新城小吃')
    await current(page).getByText('新城广场 · 商户码', { exact: false }).waitFor()
    expect(await seriousViolations(page)).toEqual([])
  })
})
