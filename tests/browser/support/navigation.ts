import type { Page } from 'playwright-core'
import { settled } from '../browser-harness'

/**
 * A full page load of `url`, as when a link is opened from WeChat or a scanner. A plain goto to a
 * URL that differs from the current one only after '#' is a same-document hash change, which the
 * Taro router may treat as in-app navigation instead of a fresh start.
 */
export async function openFresh(page: Page, url: string): Promise<void> {
  await page.goto('about:blank')
  await page.goto(url)
  await settled(page)
}
