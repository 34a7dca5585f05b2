import { current, settled, startHarness, type Harness } from './browser-harness'

// The QR poster's short URL in a real browser (issue 16): the first answer is the page, the form of
// that shop is on screen, its chunks are fetched beside the entry scripts, and nothing the page asks
// for is missing (the icon was a 404).
describe('H5 at phone size — opened from a shop poster', () => {
  let h: Harness

  beforeAll(async () => {
    h = await startHarness()
  })
  afterAll(async () => {
    await h?.close()
  })

  it('when /s/<code> is opened, then the shop complaint form shows with no redirect, its chunks preloaded, and no 4xx', async () => {
    const phone = await h.phone()
    const page = await phone.newPage()
    const failed: string[] = []
    const fetched = new Map<string, number>()
    page.on('response', (res) => {
      const path = new URL(res.url()).pathname
      if (res.status() >= 400) failed.push(`${res.status()} ${path}`)
      fetched.set(path, (fetched.get(path) ?? 0) + 1)
    })
    const res = await page.goto(`${h.base}/s/WDXG26`)
    expect(res?.status()).toBe(200)
    expect(res?.request().redirectedFrom()).toBeNull()
    await settled(page)
    await current(page).getByText('味道小馆').first().waitFor()
    await current(page).locator('#field-description-control').waitFor()
    expect(await current(page).locator('#field-description-control').isEnabled()).toBe(true)
    // the address bar names the form (a reload or a shared link lands there again)
    expect(new URL(page.url()).hash).toBe('#/pages/consumer/complain/index?m=WDXG26')
    const icon = await page.locator('link[rel="icon"]').getAttribute('href')
    const iconRes = await page.request.get(`${h.base}${icon}`)
    expect(iconRes.status()).toBe(200)
    expect(failed).toEqual([])
    // the form's own chunks were asked for at once (preloaded), and each came once: the preload was used
    const preloaded = await page.locator('link[rel="preload"]').evaluateAll((links) => links.map((l) => l.getAttribute('href') ?? ''))
    expect(preloaded.filter((href) => /\.js$/.test(href)).length).toBeGreaterThan(0)
    expect(preloaded.map((href) => [href, fetched.get(href)])).toEqual(preloaded.map((href) => [href, 1]))
    await phone.close()
  })

  it('when the form mounts and text is typed, then the description box measures itself once, not pixel by pixel, and a long text still scrolls', async () => {
    const phone = await h.phone()
    const page = await phone.newPage()
    // every read of the box's height forces a layout: Taro's <Textarea> used to resize it a pixel at a
    // time to count its lines (≈ 20 reads per mount and per keystroke; docs/first-page.md)
    await page.addInitScript(() => {
      const w = window as unknown as { heightReads: number }
      w.heightReads = 0
      for (const [proto, prop] of [
        [HTMLElement.prototype, 'offsetHeight'],
        [Element.prototype, 'scrollHeight'],
      ] as const) {
        const read = Object.getOwnPropertyDescriptor(proto, prop)?.get
        Object.defineProperty(proto, prop, {
          configurable: true,
          get(this: Element) {
            if (this instanceof HTMLTextAreaElement) w.heightReads += 1
            return read?.call(this)
          },
        })
      }
    })
    await page.goto(`${h.base}/s/WDXG26`)
    await settled(page)
    const box = current(page).locator('#field-description-control')
    await box.waitFor()
    await box.pressSequentially('商家')
    const reads = await page.evaluate(() => (window as unknown as { heightReads: number }).heightReads)
    expect(reads).toBeLessThanOrEqual(12)
    await box.fill('买的东西有问题。'.repeat(80))
    const sizes = await box.evaluate((el) => ({
      scroll: el.scrollHeight,
      client: el.clientHeight,
      overflow: getComputedStyle(el).overflowY,
    }))
    expect(sizes.scroll).toBeGreaterThan(sizes.client)
    expect(sizes.overflow).toBe('auto')
    await phone.close()
  })
})
