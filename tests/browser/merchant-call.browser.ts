import type { Page } from 'playwright-core'
import { current, fileMinimalComplaint, seriousViolations, settled, shot, startHarness, type Harness } from './browser-harness'

// The shop may phone the shopper only when the shopper switched on "允许商家看到我的完整手机号":
// then the clerk's case page shows the whole number and a call button; otherwise the number is
// masked and there is nothing to dial.
describe('H5 at phone size — the clerk calls the shopper only with consent', () => {
  let h: Harness
  let shopper: Page
  let clerk: Page

  beforeAll(async () => {
    h = await startHarness()
    shopper = await (await h.phone()).newPage()
    clerk = await (await h.phone()).newPage()
    const clerkLink = h.lines.find((l) => l.includes('/demo/clerk?key='))?.match(/http\S+/)?.[0]
    await clerk.goto(clerkLink!)
    await settled(clerk)
  })
  afterAll(async () => {
    await h?.close()
  })

  const file = async (sharePhone: boolean) => {
    await shopper.goto(h.lines.find((l) => l.includes('味道小馆'))!.match(/http\S+/)![0])
    await settled(shopper)
    if (sharePhone) await current(shopper).getByRole('switch', { name: '允许商家看到我的完整手机号' }).click()
    return fileMinimalComplaint(shopper)
  }
  const openAsClerk = async (caseNo: string) => {
    await clerk.goto(`${h.base}/#/pages/merchant/home/index`)
    await clerk.reload() // the home lists what is new since the last visit
    await settled(clerk)
    await current(clerk)
      .getByRole('link', { name: new RegExp(caseNo) })
      .click()
    await settled(clerk)
    await current(clerk).getByRole('heading', { name: '投诉处理' }).waitFor()
    await current(clerk).getByText(caseNo).first().waitFor()
  }

  it('when the shopper shared the number, then the clerk sees it whole with a call button', async () => {
    const caseNo = await file(true)
    await openAsClerk(caseNo)
    await current(clerk).getByRole('button', { name: '拨打消费者电话 13800138000' }).waitFor()
    await shot(clerk, 'merchant-call-01-shared')
    expect(await seriousViolations(clerk)).toEqual([])
  })

  it('when the shopper did not share it, then the number is masked and there is no call button', async () => {
    const caseNo = await file(false)
    await openAsClerk(caseNo)
    await current(clerk).getByText('138****8000').first().waitFor()
    expect(
      await current(clerk)
        .getByRole('button', { name: /拨打消费者电话/ })
        .count(),
    ).toBe(0)
  })
})
