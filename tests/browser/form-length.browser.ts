import type { Page } from 'playwright-core'
import { current, settled, shot, startHarness, type Harness } from './browser-harness'

// Issue 16.6: how long the complaint form a QR code opens is, in screens of a 390×844 phone, in
// normal and in 大字模式 — the whole page (document height / viewport height) and where the
// description box starts. The figures are printed for the note; the description must start on
// the first screen in both modes (it started 2.5 screens down before).
interface Length {
  screens: number
  /** where the description question (its label, then the voice button and the box) starts */
  descriptionAt: number
  /** where the text box itself starts */
  boxAt: number
  /** each part of the form, in screens, to see where the length is */
  parts: string
}

async function measure(page: Page): Promise<Length> {
  return current(page)
    .locator('#field-description-control')
    .evaluate((box) => {
      // Taro's H5 router scrolls each page inside its own container, not the document: use the
      // nearest ancestor that scrolls (the document when none does)
      let scroller: Element = document.scrollingElement ?? document.documentElement
      for (let el = box.parentElement; el; el = el.parentElement) {
        const { overflowY } = getComputedStyle(el)
        if ((overflowY === 'auto' || overflowY === 'scroll') && el.scrollHeight > el.clientHeight) {
          scroller = el
          break
        }
      }
      const viewport = window.innerHeight
      const scrollerTop = scroller === document.scrollingElement ? 0 : scroller.getBoundingClientRect().top
      const at = (el: Element) => (el.getBoundingClientRect().top - scrollerTop + scroller.scrollTop) / viewport
      const round = (n: number) => Math.round(n * 10) / 10
      const form = box.closest('.complaint-form') ?? document.body
      const parts = Array.from(form.children)
        .map(
          (el) =>
            `${(el.querySelector('[role=heading]')?.textContent ?? el.className.split(' ')[0]).slice(0, 8)} ${round(el.getBoundingClientRect().height / viewport)}`,
        )
        .join(', ')
      return {
        screens: round(scroller.scrollHeight / viewport),
        descriptionAt: round(at(box.closest('#field-description') ?? box)),
        boxAt: round(at(box)),
        parts,
      }
    })
}

describe('H5 at phone size — the complaint form is short and starts with what happened', () => {
  let h: Harness

  beforeAll(async () => {
    h = await startHarness()
  })
  afterAll(async () => {
    await h?.close()
  })

  it('when the QR page opens in either mode, then the description starts on the first screen, and the lengths are reported', async () => {
    const page = await (await h.phone()).newPage()
    await page.goto(`${h.base}/s/WDXG26`)
    await settled(page)
    await current(page).getByText('味道小馆').first().waitFor()
    const normal = await measure(page)
    await shot(page, '16-form-normal') // the first screen, for the note: look at it

    await current(page).getByRole('switch', { name: '大字模式' }).click()
    await current(page).locator('.page--elderly').waitFor()
    const elderly = await measure(page)
    await shot(page, '16-form-elderly')

    console.log(
      `complaint form at 390×844: normal ${normal.screens} screens (description at ${normal.descriptionAt}, its box at ${normal.boxAt}); ` +
        `大字模式 ${elderly.screens} screens (description at ${elderly.descriptionAt}, its box at ${elderly.boxAt})\n` +
        `parts, normal: ${normal.parts}\nparts, 大字模式: ${elderly.parts}`,
    )
    expect(normal.descriptionAt).toBeLessThan(1)
    expect(elderly.descriptionAt).toBeLessThan(1)
  })
})
