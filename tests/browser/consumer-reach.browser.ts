import type { Page } from 'playwright-core'
import { current, fileMinimalComplaint, seriousViolations, shot, startHarness, type Harness } from './browser-harness'
import { openFresh } from './support/navigation'
import { toggleElderly } from './support/elderly-mode'

// Issue 16, items 6, 7, 11 and the home card, at 390×844 against the real local host: the form
// starts with what happened, the purchase details are folded behind a keyboard-operable disclosure,
// who filed last is remembered on this phone only, a case is found with its number typed loosely,
// 查进度 is one tap from the QR page and the home page, and every consumer page dials a person.
const SITE_TEL = 'tel:057188812315' // the demo site's hotline, 0571-88812315

describe('H5 at phone size — a shorter form, a forgiving lookup, a person one tap away', () => {
  let h: Harness
  let page: Page
  let caseNo = ''
  let queryCode = ''

  beforeAll(async () => {
    h = await startHarness()
    page = await (await h.phone()).newPage()
  })
  afterAll(async () => {
    await h?.close()
  })

  it('when the QR page opens, then what happened comes first, purchase details are folded, and axe is clean in both modes', async () => {
    await openFresh(page, `${h.base}/s/WDXG26`)
    const form = current(page)
    await form.getByText('味道小馆').first().waitFor()
    // document order: description, then who is asking, then the folded purchase details
    const order = await form.evaluate((root) =>
      ['#field-description', '#field-kind', '#field-name', '#purchase-details'].map((sel) => {
        const all = Array.from(root.querySelectorAll('*'))
        return all.indexOf(root.querySelector(sel)!)
      }),
    )
    expect(order).toEqual([...order].sort((a, b) => a - b))
    expect(order.every((i) => i >= 0)).toBe(true)
    expect(await form.getByRole('combobox', { name: '所属行业' }).count()).toBe(0)
    const fold = form.getByRole('button', { name: '消费情况（选填）' })
    expect(await fold.getAttribute('aria-expanded')).toBe('false')
    expect(await form.getByRole('textbox', { name: '涉及金额（元）' }).count()).toBe(0)
    await form.getByText('只保存在这台手机上').waitFor()

    await shot(page, 'form-01-top')
    expect(await seriousViolations(page)).toEqual([])
    await form.locator('#field-kind').scrollIntoViewIfNeeded()
    await shot(page, 'form-02-identity')
    await fold.scrollIntoViewIfNeeded()
    await shot(page, 'form-03-folded')
    await toggleElderly(page)
    await shot(page, 'form-01-top-elderly')
    expect(await seriousViolations(page)).toEqual([])
    await form.locator('#field-kind').scrollIntoViewIfNeeded()
    await shot(page, 'form-02-identity-elderly')
    await fold.scrollIntoViewIfNeeded()
    await shot(page, 'form-03-folded-elderly')
    await toggleElderly(page)
  })

  it('when the purchase details are opened by keyboard, then their fields show and axe stays clean', async () => {
    const form = current(page)
    const fold = form.getByRole('button', { name: '消费情况（选填）' })
    await fold.focus()
    await page.keyboard.press('Enter')
    expect(await fold.getAttribute('aria-expanded')).toBe('true')
    const amount = form.getByRole('textbox', { name: '涉及金额（元）' })
    await amount.waitFor()
    await form.getByLabel('消费日期').waitFor()
    await amount.scrollIntoViewIfNeeded()
    await shot(page, 'form-04-purchase-open')
    expect(await seriousViolations(page)).toEqual([])
    await page.keyboard.press('Space') // focus stayed on the button: Space folds it again
    expect(await fold.getAttribute('aria-expanded')).toBe('false')
  })

  it('when the QR page and the home page open, then each has 查进度 and a call to a person (the site, else 12315)', async () => {
    const form = current(page)
    expect(await form.getByRole('link', { name: /^一键转接人工/ }).getAttribute('href')).toBe(SITE_TEL)
    await form.getByRole('link', { name: '已经投诉过？查进度' }).click()
    await current(page).getByRole('heading', { name: '查询投诉进度' }).waitFor()
    expect(
      await current(page)
        .getByRole('link', { name: /^一键转接人工/ })
        .getAttribute('href'),
    ).toBe('tel:12315')

    await openFresh(page, `${h.base}/#/pages/consumer/home/index`)
    const home = current(page)
    await home.getByRole('button', { name: '用编号和查询码查进度' }).waitFor()
    const call = home.getByRole('link', { name: '一键转接人工：拨打12315热线电话 12315' })
    expect(await call.getAttribute('href')).toBe('tel:12315')
    expect((await call.boundingBox())!.height).toBeGreaterThanOrEqual(48)
    // the blue 扫 card does something: on the web, finding the shop by name
    await home.getByRole('button', { name: /在店内扫描二维码投诉/ }).click()
    await current(page).getByRole('heading', { name: '选择要投诉的商户' }).waitFor()
  })

  it('when a case is filed, then the receipt dials the site, and the next form starts with who filed, kept on this phone', async () => {
    await openFresh(page, `${h.base}/s/WDXG26`)
    caseNo = await fileMinimalComplaint(page)
    queryCode = (await current(page).locator('.query-code').innerText()).trim()
    expect(
      await current(page)
        .getByRole('link', { name: /^一键转接人工/ })
        .getAttribute('href'),
    ).toBe(SITE_TEL)

    await openFresh(page, `${h.base}/s/WDXG26`)
    const form = current(page)
    const name = form.getByRole('textbox', { name: '您的姓名' })
    await page.waitForFunction(() => (document.querySelector('#field-name-control') as HTMLInputElement | null)?.value === '王小明')
    await form.getByText('已填入这台手机上次投诉时的信息').waitFor()
    await form.getByRole('button', { name: '清除并不再记住' }).click()
    expect(await name.inputValue()).toBe('')
    expect(await page.evaluate(() => Object.keys(localStorage).some((k) => k.includes('kuaisu:identity')))).toBe(false)
  })

  it('when the number is typed loosely ("20261205 0001", full-width, ks), then the case is found', async () => {
    const [, day, seq] = caseNo.split('-')
    const wide = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)))
    for (const typed of [`${day} ${seq}`, `ks${wide(day)}-${seq}`]) {
      await openFresh(page, `${h.base}/#/pages/consumer/lookup/index`)
      const form = current(page)
      await form.getByRole('textbox', { name: '案件编号' }).fill(typed)
      await form.getByRole('textbox', { name: '查询码' }).fill(queryCode.toLowerCase())
      await form.getByRole('button', { name: '查询' }).click()
      await form.locator('.timeline__entry').first().waitFor()
      expect(await form.innerText()).toContain(caseNo)
    }
    expect(await current(page).getByRole('textbox', { name: '案件编号' }).inputValue()).toBe(caseNo) // tidied when left
  })

  it('when 大字模式 is on, then the case-number field asks for the digits keyboard', async () => {
    await toggleElderly(page)
    expect(await current(page).locator('#field-caseNo-control').getAttribute('inputmode')).toBe('numeric')
    await shot(page, 'lookup-loose-elderly')
    expect(await seriousViolations(page)).toEqual([])
    await toggleElderly(page)
  })
})
