import type { Locator, Page } from 'playwright-core'
import { current, seriousViolations, shot, startHarness, type Harness } from './browser-harness'
import { openFresh } from './support/navigation'
import { toggleElderly } from './support/elderly-mode'

// Issue 15: the consumer home page has a quiet way in for staff and shop clerks, last on the page.
// On the web it leads to the station's password login and to the merchant area. Followed here at
// 390×844 against the real local host, by keyboard and by tap, in both text sizes.
const ENTRY = '工作人员 / 商家入口'
const STAFF = '工作人员登录（维权站、代帮办点、监管）'
const CLERK = '商家店员：进入商户工作台'

/** CSS px: the rendered height of the link and its font size. */
async function size(link: Locator): Promise<{ height: number; font: number }> {
  const box = await link.boundingBox()
  const font = await link.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
  return { height: box?.height ?? 0, font }
}

describe('H5 at phone size — the staff and clerk entry on the home page', () => {
  let h: Harness
  let page: Page

  beforeAll(async () => {
    h = await startHarness()
    page = await (await h.phone()).newPage()
  })
  afterAll(async () => {
    await h?.close()
  })

  it('when the home page opens, then the entry is the last thing on it, tappable in both text sizes, and axe is clean', async () => {
    await openFresh(page, `${h.base}/`)
    const home = current(page)
    const entry = home.getByRole('navigation', { name: ENTRY })
    await entry.waitFor()
    // last: after the emergency line, nothing of the page follows it
    const last = await home.locator('[role="main"]').evaluate((main) => main.lastElementChild?.getAttribute('aria-label'))
    expect(last).toBe(ENTRY)
    const staff = entry.getByRole('link', { name: STAFF })
    const clerk = entry.getByRole('link', { name: CLERK })
    expect(await staff.count()).toBe(1)
    expect(await clerk.count()).toBe(1)

    await entry.scrollIntoViewIfNeeded()
    await shot(page, 'staff-entry-01-home')
    expect(await seriousViolations(page)).toEqual([])
    const normal = await size(staff)
    expect(normal.height).toBeGreaterThanOrEqual(44)
    expect(normal.font).toBeGreaterThanOrEqual(17)

    await toggleElderly(page)
    await entry.scrollIntoViewIfNeeded()
    await shot(page, 'staff-entry-02-home-elderly')
    expect(await seriousViolations(page)).toEqual([])
    const elderly = await size(staff)
    expect(elderly.height).toBeGreaterThanOrEqual(52)
    expect(elderly.font).toBeGreaterThanOrEqual(20)
    expect((await size(clerk)).height).toBeGreaterThanOrEqual(52)
    await toggleElderly(page)
  })

  it('when a staff member tabs to 工作人员 and presses Enter, then the station login opens', async () => {
    await openFresh(page, `${h.base}/`)
    const staff = current(page).getByRole('link', { name: STAFF })
    await staff.waitFor()
    // reached with the Tab key alone, the way a keyboard user gets there
    let reached = false
    for (let press = 0; press < 40 && !reached; press++) {
      await page.keyboard.press('Tab')
      reached = await staff.evaluate((el) => el === document.activeElement)
    }
    expect(reached).toBe(true)
    await page.keyboard.press('Enter')

    await current(page).getByRole('heading', { name: '维权站工作人员登录' }).waitFor()
    expect(page.url()).toContain('#/pages/station/login/index')
    expect(await seriousViolations(page)).toEqual([])
  })

  it('when a clerk taps 商家店员 on a browser that is no clerk yet, then the merchant area opens and offers the invite code', async () => {
    await openFresh(page, `${h.base}/`)
    await current(page).getByRole('link', { name: CLERK }).click()

    await current(page).getByText('此手机尚未绑定商户').waitFor()
    expect(page.url()).toContain('#/pages/merchant/home/index')
    await current(page).getByRole('button', { name: '输入邀请码' }).waitFor()
    await shot(page, 'staff-entry-03-merchant')
    expect(await seriousViolations(page)).toEqual([])
  })
})
