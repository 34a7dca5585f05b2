import type { Page } from 'playwright-core'
import { current, DEMO_PASSWORD, settled } from '../browser-harness'

/** Sign the demo station account in on `page` and wait for the board. */
export async function signInStation(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/#/pages/station/board/index`)
  await settled(page)
  await current(page).getByRole('textbox', { name: '用户名' }).fill('station')
  await current(page).getByLabel('密码').fill(DEMO_PASSWORD)
  await current(page).getByRole('button', { name: '登录' }).click()
  await current(page).getByRole('heading', { name: '维权站工作台' }).waitFor()
  await settled(page)
}

/** From the board: 商户管理 → the shop named `name` → its page. */
export async function openMerchantFromBoard(page: Page, name: string): Promise<void> {
  await current(page).getByRole('button', { name: '商户管理' }).click()
  await current(page).getByRole('heading', { name: '商户管理' }).waitFor()
  await settled(page)
  await openMerchantFromList(page, name)
}

/** On 商户管理: the shop named `name` → its page. */
export async function openMerchantFromList(page: Page, name: string): Promise<void> {
  await current(page)
    .getByRole('link', { name: new RegExp(`^${name}，`) })
    .click()
  await current(page).getByRole('heading', { name, level: 1 }).waitFor()
  await settled(page)
}
