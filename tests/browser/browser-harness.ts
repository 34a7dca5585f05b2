import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { bootHost, type RunningHost } from '../../cloudfunctions/host/boot'
import { parseHostConfig } from '../../cloudfunctions/host/host-config'

// Real parts only: the local host as `npm start` runs it (PGlite on disk, the H5 build), and the
// system Chromium driven by playwright-core at a phone's viewport.
// KS_OUTPUT_ROOT: an H5 build made elsewhere (config/index.ts)
export const H5_DIR = resolve(__dirname, '../..', process.env.KS_OUTPUT_ROOT || 'dist/h5')
export const SHOTS = resolve(__dirname, '../../test-results/screenshots')
export const DEMO_PASSWORD = 'browser-test-pass'
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => done(port))
    })
    probe.on('error', fail)
  })
}

export interface Harness {
  base: string
  browser: Browser
  lines: string[]
  phone(): Promise<BrowserContext>
  close(): Promise<void>
}

/**
 * `chromiumArgs`: extra launch flags a journey needs (e.g. a fake microphone for voice input).
 * `beforeBoot`: writes into the fresh data directory before the host starts (e.g. an account the
 * demo seed does not make); the host then opens it as `npm start` would.
 */
export async function startHarness(
  options: { chromiumArgs?: string[]; beforeBoot?: (dataDir: string) => Promise<void> } = {},
): Promise<Harness> {
  if (!existsSync(join(H5_DIR, 'index.html'))) throw new Error('dist/h5 is missing: run `npm run build:h5` first')
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`)
  mkdirSync(SHOTS, { recursive: true })
  const dataDir = mkdtempSync(join(tmpdir(), 'kuaisu-browser-'))
  await options.beforeBoot?.(dataDir)
  const port = await freePort()
  const parsed = parseHostConfig({
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    H5_DIR,
    DEMO_PASSWORD,
    LOG_LEVEL: 'warn',
    LOGIN_FAILURE_DELAY_MS: '0',
  })
  if (!parsed.ok) throw new Error(parsed.problems.join('; '))
  const lines: string[] = []
  const host: RunningHost = await bootHost(parsed.config, (l) => lines.push(l))
  // the demo's secrets (clerk link, passwords) are in <dataDir>/demo-credentials.txt, not the log (issue 12)
  lines.push(...readFileSync(join(dataDir, 'demo-credentials.txt'), 'utf8').split('\n'))
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...FLAGS, ...(options.chromiumArgs ?? [])] })
  return {
    base: host.url,
    browser,
    lines,
    phone: () =>
      browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' }),
    async close() {
      await browser.close()
      await host.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/**
 * The page Taro has finished animating in. Older pages stay in the DOM: a page we navigated away
 * from keeps `taro_page_stationed` but gains `taro_page_shade`, and the newest page comes last.
 */
const ACTIVE_PAGE = '.taro_page_stationed:not(.taro_page_shade)'
export const current = (page: Page) => page.locator(ACTIVE_PAGE).last()

export async function settled(page: Page) {
  await current(page).waitFor({ state: 'visible' })
  await page.waitForLoadState('networkidle')
}

/** axe-core on the current page: no serious or critical violation. Returns the list for the message. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze()
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

export async function shot(page: Page, name: string) {
  // Viewport only: Taro keeps earlier pages in the DOM off to the side, which a full-page capture would include.
  await page.screenshot({ path: join(SHOTS, `${name}.png`) })
}

/** Fill the shortest valid 投诉 on the complaint page and submit it; returns the case number shown. */
export async function fileMinimalComplaint(page: Page): Promise<string> {
  // a 投诉 needs the Article-9 identity, a problem type, a demand, the description and consent (issue #3)
  const form = current(page)
  await form.getByRole('textbox', { name: '您的姓名' }).fill('王小明')
  await form.getByRole('textbox', { name: '手机号码' }).fill('13800138000')
  await form.getByRole('textbox', { name: '联系地址' }).fill('星河路1号')
  await form.getByRole('combobox', { name: '问题类型' }).selectOption('食品安全')
  await form.getByRole('checkbox', { name: '退款' }).click()
  await form.getByRole('textbox', { name: '投诉内容' }).fill('今天中午在店里吃饭，汤里有一只苍蝇，店员态度很差，要求退款并道歉。')
  await form.getByRole('checkbox', { name: '我已阅读并同意《个人信息告知》' }).click()
  await form.getByRole('button', { name: '提交投诉' }).click()
  const number = current(page).locator('.case-no').first()
  await number.waitFor()
  return (await number.innerText()).trim()
}
