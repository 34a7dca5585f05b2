import type { Page } from 'playwright-core'
import { current, DEMO_PASSWORD, seriousViolations, settled, shot, startHarness, type Harness } from './browser-harness'

// 通知联系人 on a phone, as the station head would set it up: from 时限设置, add the mall's WeCom
// group for red cards and escalations by pasting the robot's webhook address, see it listed with the
// key masked, and delete it only after saying yes to the confirmation.
const WEBHOOK = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=3f2a9c1e-77d4-4b0a-9e51-0c6d2a8b1f40'

async function signIn(page: Page, base: string) {
  await page.goto(`${base}/#/pages/station/login/index`)
  await settled(page)
  await current(page).getByRole('textbox', { name: '用户名' }).fill('station')
  await current(page).getByLabel('密码').fill(DEMO_PASSWORD)
  await current(page).getByRole('button', { name: '登录' }).click()
  await current(page)
    .getByRole('heading', { name: /工作台|案件/ })
    .first()
    .waitFor()
}

describe('H5 — notification contacts (station, on a phone)', () => {
  let h: Harness
  let page: Page

  beforeAll(async () => {
    h = await startHarness()
    page = await (await h.phone()).newPage()
  })
  afterAll(async () => {
    await h?.close()
  })

  it('when the station adds its WeCom group, then it is listed with the key masked; deleting asks first', async () => {
    await signIn(page, h.base)
    await current(page).getByRole('button', { name: '时限设置' }).click()
    await settled(page)
    await current(page).getByRole('button', { name: '通知联系人' }).click()
    await settled(page)
    const contacts = current(page)
    await contacts.getByText('还没有设置通知联系人', { exact: false }).waitFor()
    expect(await seriousViolations(page)).toEqual([])

    await contacts.getByRole('button', { name: '新增通知联系人' }).click()
    await contacts.getByRole('button', { name: '保存通知联系人' }).click() // empty: every problem named under its field
    await contacts.locator('#field-label').getByText(/请/).waitFor()
    await shot(page, 'contacts-01-errors')

    await contacts.getByRole('textbox', { name: '名称' }).fill('星河广场值班群')
    await contacts.getByRole('textbox', { name: '群机器人 Webhook 地址' }).fill(WEBHOOK)
    // a new contact starts as a work group's usual duty: red cards and escalations to the station and regulator
    for (const name of ['超时红牌', '升级督办', '发给维权站的通知', '发给市场监管的通知'])
      expect(await contacts.getByRole('checkbox', { name }).getAttribute('aria-checked')).toBe('true')
    await contacts.getByRole('checkbox', { name: '其他进展' }).click()
    await contacts.getByRole('checkbox', { name: '其他进展' }).click() // and back: a chip toggles both ways
    expect(await seriousViolations(page)).toEqual([])
    await contacts.getByRole('button', { name: '保存通知联系人' }).click()
    await contacts.getByRole('status').getByText('已保存“星河广场值班群”。').waitFor()

    const card = contacts.getByRole('group', { name: '星河广场值班群' })
    await card.getByText('1f40').waitFor() // the last four characters, no more
    expect(await card.innerText()).not.toContain('3f2a9c1e')
    await shot(page, 'contacts-02-saved')

    await card.getByRole('button', { name: '删除 星河广场值班群' }).click()
    await card.getByText('确定删除“星河广场值班群”？', { exact: false }).waitFor()
    await card.getByRole('button', { name: '取消' }).click() // changing one's mind deletes nothing
    await card.getByRole('button', { name: '删除 星河广场值班群' }).click()
    await card.getByRole('button', { name: '确认删除 星河广场值班群' }).click()
    await contacts.getByRole('status').getByText('已删除“星河广场值班群”。').waitFor()
    await contacts.getByText('还没有设置通知联系人', { exact: false }).waitFor()
  })
})
