import { execFileSync } from 'node:child_process'
import { mkdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { BrowserContext, Locator, Page } from 'playwright-core'
import sharp from 'sharp'
import { current, DEMO_PASSWORD, seriousViolations, settled, shot, startHarness, type Harness } from './browser-harness'

// Issue #3 end to end, at 390×844 in Chromium against the real local host: the full complaint form
// with a real photo uploaded, a reload in the middle, the receipt with case number and query code,
// a lookup from a fresh browser, a proxy filing with its printed receipt — and axe on every page,
// in normal and in 大字模式 (elderly mode).
const RESULTS = resolve(__dirname, '../../test-results')

/**
 * Screenshot + axe in normal mode, then the same in 大字模式 (via the page's own switch), then back.
 * `focus`: what the screenshots should show (clicking the switch scrolls to the top).
 */
async function bothModes(page: Page, name: string, focus?: Locator) {
  await focus?.scrollIntoViewIfNeeded()
  await shot(page, `intake-${name}`)
  expect(await seriousViolations(page)).toEqual([])
  const toggle = current(page).getByRole('switch', { name: '大字模式' })
  await toggle.click()
  await current(page).locator('.page--elderly').waitFor()
  // body text ≥ 20 CSS px and the switch itself ≥ 48 px tall in elderly mode
  const fontPx = await current(page)
    .locator('.page')
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
  expect(fontPx).toBeGreaterThanOrEqual(20)
  expect((await toggle.boundingBox())!.height).toBeGreaterThanOrEqual(48)
  await focus?.scrollIntoViewIfNeeded()
  await shot(page, `intake-${name}-elderly`)
  expect(await seriousViolations(page)).toEqual([])
  await toggle.click()
  await current(page).locator('.page--elderly').waitFor({ state: 'detached' })
}

/** Resolves once the element lies wholly inside the viewport; fails at the default timeout if it never does. */
async function scrolledIntoView(page: Page, selector: string): Promise<void> {
  const element = await current(page).locator(selector).elementHandle()
  await page.waitForFunction((el) => {
    const box = el.getBoundingClientRect()
    return box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight
  }, element)
}

describe('H5 at phone size — the full intake (form, evidence, receipt, lookup, proxy filing)', () => {
  let h: Harness
  let shopper: BrowserContext
  let page: Page
  let caseNo = ''
  let queryCode = ''

  beforeAll(async () => {
    mkdirSync(RESULTS, { recursive: true })
    h = await startHarness()
    shopper = await h.phone()
    page = await shopper.newPage()
  })
  afterAll(async () => {
    await h?.close()
  })

  it('when the home page opens, then it offers search, 我的投诉 and lookup, and passes axe in both modes', async () => {
    await page.goto(`${h.base}/#/pages/consumer/home/index`)
    await settled(page)
    await current(page).getByRole('button', { name: '用编号和查询码查进度' }).waitFor()
    await current(page)
      .getByRole('button', { name: /搜索商户投诉/ })
      .waitFor()
    await bothModes(page, '01-home')
  })

  it('when the empty form is submitted, then every missing field says so in Chinese and the first is scrolled into view', async () => {
    await page.goto(`${h.base}/s/WDXG26`)
    await settled(page)
    await current(page).getByText('味道小馆').first().waitFor()
    // the industry line is not a shopper's question: the filing derives it (issue 16.6)
    expect(await current(page).getByRole('combobox', { name: '所属行业' }).count()).toBe(0)
    await bothModes(page, '02-form')

    await current(page).getByRole('button', { name: '提交投诉' }).click()
    for (const message of [
      '请填写姓名',
      '请填写手机号码',
      '请填写联系地址',
      '请选择问题类型',
      '请至少选择一项诉求',
      '请填写投诉内容',
      '请先阅读并同意个人信息告知',
    ]) {
      await current(page).getByRole('alert').filter({ hasText: message }).first().waitFor()
    }
    await scrolledIntoView(page, '#field-description-error') // what happened comes first (issue 16.6) // the scroll happens a frame after the errors render
    await bothModes(page, '03-form-errors', current(page).locator('#field-demands'))
  })

  it('when the form is opened without a QR code, then the shop is found by name, and a 举报 may be anonymous', async () => {
    const other = await shopper.newPage()
    await other.goto(`${h.base}/#/pages/consumer/complain/index`)
    await settled(other)
    const form = current(other)
    await form.getByRole('heading', { name: '选择要投诉的商户' }).waitFor()
    await form.getByRole('button', { name: /^选择 康宁大药房/ }).waitFor()
    await bothModes(other, '02b-find-shop')
    await form.getByRole('searchbox', { name: '商户名称' }).fill('药房')
    await form.getByRole('button', { name: '搜索' }).click()
    await form.getByRole('button', { name: /^选择 康宁大药房/ }).click()
    await form.getByRole('button', { name: '更换商户' }).waitFor()

    await form.getByRole('radio', { name: /^举报/ }).click()
    await form.locator('.identity__promise').getByText('举报人的信息不会提供给被举报的商家。').waitFor()
    await form.getByRole('switch', { name: '匿名举报' }).click()
    expect(await form.getByRole('textbox', { name: /姓名/ }).count()).toBe(0)
    expect(await form.getByRole('switch', { name: /完整手机号/ }).count()).toBe(0)
    await form.getByRole('combobox', { name: '问题类型' }).selectOption('虚假宣传/广告')
    await form.getByRole('textbox', { name: '举报内容' }).fill('药房把普通食品当作能治病的药卖给老人，店员说包治高血压。')
    await form.getByRole('checkbox', { name: '我已阅读并同意《个人信息告知》' }).click()
    await bothModes(other, '02c-anonymous-report', form.getByRole('switch', { name: '匿名举报' }))
    await form.getByRole('button', { name: '提交举报' }).click()
    await current(other).locator('.query-code').waitFor()
    expect(await current(other).innerText()).toContain('康宁大药房')
    await other.close()
  })

  it('when every field is filled and a photo uploaded, then a reload keeps all of it, the photo included', async () => {
    const form = current(page)
    await form.getByRole('textbox', { name: '您的姓名' }).fill('张三')
    const phone = form.getByRole('textbox', { name: '手机号码' })
    await phone.fill('１３８ ００１３ ８０００') // full-width digits and spaces, as a Chinese keyboard gives them
    await phone.blur()
    await page.waitForFunction(() => (document.querySelector('#field-phone-control') as HTMLInputElement | null)?.value === '13800138000')
    await form.getByRole('textbox', { name: '联系地址' }).fill('星河路1号3栋201')
    await form.getByRole('button', { name: '消费情况（选填）' }).click() // folded until opened (issue 16.6)
    await form.getByLabel('消费日期').fill('2026-11-20')
    await form.getByLabel('具体时间（选填）').fill('12:30')
    await form.getByRole('textbox', { name: '涉及金额（元）' }).fill('128.5')
    await form.getByRole('textbox', { name: '商品或服务' }).fill('麻辣香锅')
    await form.getByRole('combobox', { name: '问题类型' }).selectOption('食品安全')
    await form.getByRole('checkbox', { name: '退款' }).click()
    await form.getByRole('checkbox', { name: '道歉' }).click()
    await form.getByRole('textbox', { name: '投诉内容' }).fill('今天中午在店里吃饭，菜里有一只苍蝇，店员态度很差，要求退款并道歉。')

    const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#c33' } })
      .jpeg()
      .toBuffer()
    await form.locator('input[type=file][data-kind=photo]').setInputFiles({ name: 'dish.jpg', mimeType: 'image/jpeg', buffer: photo })
    const item = form.getByRole('listitem', { name: '照片：dish.jpg' })
    await item.getByText('✓ 已上传').waitFor()
    await settled(page)
    await shot(page, 'intake-04-form-filled')

    await page.reload()
    await settled(page)
    const again = current(page)
    await again.getByText('味道小馆').first().waitFor()
    expect(await again.getByRole('textbox', { name: '您的姓名' }).inputValue()).toBe('张三')
    expect(await again.getByRole('textbox', { name: '手机号码' }).inputValue()).toBe('13800138000')
    expect(await again.getByLabel('消费日期').inputValue()).toBe('2026-11-20')
    expect(await again.getByLabel('具体时间（选填）').inputValue()).toBe('12:30')
    expect(await again.getByRole('textbox', { name: '涉及金额（元）' }).inputValue()).toBe('128.5')
    expect(await again.getByRole('combobox', { name: '问题类型' }).inputValue()).toBe('食品安全')
    expect(await again.getByRole('checkbox', { name: '退款' }).getAttribute('aria-checked')).toBe('true')
    expect(await again.getByRole('checkbox', { name: '换货' }).getAttribute('aria-checked')).toBe('false')
    expect(await again.getByRole('textbox', { name: '投诉内容' }).inputValue()).toContain('苍蝇')
    await again.getByRole('listitem', { name: '照片：dish.jpg' }).getByText('✓ 已上传').waitFor()
    await bothModes(page, '05-after-reload', again.getByRole('listitem', { name: '照片：dish.jpg' }))
  })

  it('when the server refuses a file, then that row shows why with 重试 and 移除, and the uploaded photo stays', async () => {
    const form = current(page)
    const notPdf = Buffer.from('这不是PDF，只是一段文字。'.repeat(20))
    await form
      .locator('input[type=file][data-kind=receipt]')
      .setInputFiles({ name: 'bill.pdf', mimeType: 'application/pdf', buffer: notPdf })
    const bad = form.getByRole('listitem', { name: '票据：bill.pdf' })
    await bad.getByRole('alert').waitFor()
    expect(await bad.getByRole('alert').innerText()).toMatch(/不支持|文件/)
    await bad.getByRole('button', { name: '重试 bill.pdf' }).waitFor()
    await bothModes(page, '06-upload-refused', bad)

    // submitting now is refused locally: the failed file has to be retried or removed first
    await form.getByRole('button', { name: '提交投诉' }).click()
    await form.getByText(/有1个文件没有上传成功/).waitFor()

    // a reload keeps the failed file as a row to deal with; its bytes are gone, so it asks for the file again
    await page.reload()
    await settled(page)
    const kept = current(page).getByRole('listitem', { name: '票据：bill.pdf' })
    await kept.getByRole('alert').waitFor()
    await kept.getByLabel('重新选择 bill.pdf').waitFor({ state: 'attached' })
    await kept.getByRole('button', { name: '移除 bill.pdf' }).click()
    await kept.waitFor({ state: 'detached' })
    await current(page).getByRole('listitem', { name: '照片：dish.jpg' }).getByText('✓ 已上传').waitFor()
  })

  it('when consent is given and the form submitted, then the receipt shows the case number and the query code, large', async () => {
    const form = current(page)
    await form.getByRole('checkbox', { name: '我已阅读并同意《个人信息告知》' }).click()
    await form.getByRole('button', { name: '提交投诉' }).click()
    const number = current(page).locator('.case-no').first()
    await number.waitFor()
    await settled(page)
    caseNo = (await number.innerText()).trim()
    queryCode = (await current(page).locator('.query-code').innerText()).trim()
    expect(caseNo).toMatch(/^KS-\d{8}-\d{4}$/)
    expect(queryCode).toMatch(/^[2-9A-HJ-NP-Z]{8}$/)
    expect(page.url()).not.toContain(queryCode) // the code travels in storage, never in the address
    const text = await current(page).innerText()
    expect(text).toContain('味道小馆')
    expect(text).toContain('下一步')
    await current(page).getByRole('button', { name: '复制查询码' }).waitFor()
    await bothModes(page, '07-receipt')
  })

  it('when the shop is opened again after submitting, then the form starts empty (the draft was dropped)', async () => {
    const again = await shopper.newPage()
    await again.goto(`${h.base}/s/WDXG26`)
    await settled(again)
    await current(again).getByText('味道小馆').first().waitFor()
    expect(await current(again).getByRole('textbox', { name: '投诉内容' }).inputValue()).toBe('')
    expect(await current(again).getByRole('listitem', { name: '照片：dish.jpg' }).count()).toBe(0)
    await again.close()
  })

  it('when the case is looked up from a fresh browser by number and code, then status, timeline and the masked complainant show', async () => {
    const stranger = await (await h.phone()).newPage()
    await stranger.goto(`${h.base}/#/pages/consumer/lookup/index`)
    await settled(stranger)
    await bothModes(stranger, '08-lookup')

    const form = current(stranger)
    await form.getByRole('textbox', { name: '案件编号' }).fill(caseNo)
    await form.getByRole('textbox', { name: '查询码' }).fill('22222222')
    await form.getByRole('button', { name: '查询' }).click()
    await form.getByRole('alert').filter({ hasText: '案件编号或查询码不正确' }).waitFor()

    // typed in lower case with a space, as people do
    await form.getByRole('textbox', { name: '查询码' }).fill(`${queryCode.slice(0, 4).toLowerCase()} ${queryCode.slice(4).toLowerCase()}`)
    await form.getByRole('button', { name: '查询' }).click()
    const entry = form.locator('.timeline__entry').first()
    await entry.waitFor()
    expect(await entry.innerText()).toContain('提交投诉')
    const text = await form.innerText()
    expect(text).toContain('待商家处理') // 味道小馆 signed the double commitment: the case went straight to the shop
    expect(text).toContain('138****8000')
    expect(text).not.toContain('13800138000')
    expect(text).toContain('退款、道歉')
    expect(text).toContain('128.50元')
    expect(text).toContain('dish.jpg')
    await settled(stranger)
    await bothModes(stranger, '09-lookup-result', form.locator('.case-detail-view'))
  })

  it('when proxy staff file for someone, then the large receipt prints to a PDF carrying the case number', async () => {
    const desk = await (await h.phone()).newPage()
    await desk.goto(`${h.base}/#/pages/station/proxy-file/index`)
    await settled(desk)
    await current(desk).getByRole('textbox', { name: '用户名' }).fill('proxy')
    await current(desk).getByLabel('密码').fill(DEMO_PASSWORD)
    await current(desk).getByRole('button', { name: '登录' }).click()
    await current(desk).getByRole('heading', { name: '代为登记投诉' }).waitFor()
    await settled(desk)
    await bothModes(desk, '10-proxy-form')

    const form = current(desk)
    await form.getByRole('searchbox', { name: '商户名称' }).fill('超市')
    await form.getByRole('button', { name: '搜索' }).click()
    await form.getByRole('button', { name: /^选择 优选生活超市/ }).click()
    await form.getByText('被投诉商户').waitFor()
    expect(await form.getByRole('combobox', { name: '所属行业' }).inputValue()).toBe('商超')
    await form.getByRole('textbox', { name: '当事人的姓名' }).fill('李秀英')
    await form.getByRole('textbox', { name: '手机号码' }).fill('13912345678')
    await form.getByRole('textbox', { name: '联系地址' }).fill('星河社区5栋302')
    await form.getByRole('combobox', { name: '问题类型' }).selectOption('质量')
    await form.getByRole('checkbox', { name: '换货' }).click()
    await form.getByRole('textbox', { name: '投诉内容' }).fill('在超市买的电饭煲用了三天就不加热了，要求换一台新的。')
    await form.getByRole('button', { name: '代为提交投诉' }).click()
    await form.getByRole('alert').filter({ hasText: '请确认已向当事人宣读告知并取得同意' }).waitFor()
    await bothModes(desk, '10b-proxy-attestation', form.locator('#field-attestation'))

    await form.getByRole('checkbox', { name: '已向当事人宣读个人信息告知并取得同意' }).click()
    await form.getByRole('button', { name: '代为提交投诉' }).click()
    await current(desk).getByRole('heading', { name: '投诉登记回执' }).waitFor()
    await settled(desk)
    const receipt = current(desk)
    const proxyCaseNo = (await receipt.locator('.case-no').innerText()).trim()
    expect(proxyCaseNo).toMatch(/^KS-\d{8}-\d{4}$/)
    expect((await receipt.locator('.query-code').innerText()).trim()).toMatch(/^[2-9A-HJ-NP-Z]{8}$/)
    const text = await receipt.innerText()
    expect(text).toContain(proxyCaseNo)
    expect(text).toContain('优选生活超市')
    expect(text).toContain('凭案件编号和查询码可在任何手机上查询进度')
    await receipt.getByRole('button', { name: '打印' }).waitFor()
    await bothModes(desk, '11-proxy-receipt')

    const pdfPath = join(RESULTS, 'proxy-receipt.pdf')
    await desk.pdf({ path: pdfPath, format: 'A4', printBackground: true })
    expect(statSync(pdfPath).size).toBeGreaterThan(10 * 1024)
    let printed: string | null
    try {
      printed = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' })
    } catch {
      printed = null // no poppler-utils: the size check and the on-screen text above stand in
    }
    if (printed !== null) {
      expect(printed).toContain(proxyCaseNo)
      expect(printed).toContain('优选生活超市')
      expect(printed).not.toContain('打印回执') // buttons stay off the paper
      expect(printed).not.toContain('大字模式')
    }
  })
})
