import type { Page } from 'playwright-core'
import { current } from '../browser-harness'

/** Switch 大字模式 on or off (whichever it is not) and wait until the page has taken it. */
export async function toggleElderly(page: Page): Promise<void> {
  const toggle = current(page).getByRole('switch', { name: '大字模式' })
  const on = (await toggle.getAttribute('aria-checked')) === 'true'
  await toggle.click()
  await current(page)
    .locator('.page--elderly')
    .waitFor({ state: on ? 'detached' : 'visible' })
}
