// npm run bench, last part: what a phone downloads to open the complaint page (issue 13, "a first
// page that arrives fast"). The real host on PGlite serving the H5 build, Chromium at a phone's
// viewport: the JS and CSS of the first visit as they went over the wire (compressed) beside their
// real size and the goal, and what a second visit fetches again (hashed chunks come from the cache).
// Needs `npm run build:h5` and Chromium (CHROMIUM_PATH or /usr/bin/chromium); prints figures, asserts nothing.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Page } from 'playwright-core'
import { bootHost } from '../cloudfunctions/host/boot'
import { parseHostConfig } from '../cloudfunctions/host/host-config'
import { DEMO_MERCHANTS } from '../cloudfunctions/seed/demo-data'
import { saveBenchSection } from './bench-results'

const H5_DIR = resolve(__dirname, '../dist/h5')
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const GOAL_JS_KB = 120

interface Visit {
  /** files that came over the network (a cache hit reports no body size) */
  files: number
  jsWireKB: number
  cssWireKB: number
  realKB: number
  encodings: string[]
}

async function visit(page: Page, url: string): Promise<Visit> {
  const seen: Promise<{ js: boolean; wire: number; real: number; encoding: string }>[] = []
  page.on('response', (res) => {
    if (!/\.(js|css)$/.test(new URL(res.url()).pathname)) return
    seen.push(
      (async () => {
        const sizes = await res.request().sizes()
        const real = (await res.body().catch(() => Buffer.alloc(0))).length
        const js = new URL(res.url()).pathname.endsWith('.js')
        return { js, wire: Math.max(0, sizes.responseBodySize), real, encoding: res.headers()['content-encoding'] ?? 'none' }
      })(),
    )
  })
  await page.goto(url)
  await page.getByRole('button', { name: '提交投诉' }).waitFor()
  await page.waitForLoadState('networkidle')
  const all = await Promise.all(seen)
  page.removeAllListeners('response')
  const kb = (n: number) => Math.round(n / 102.4) / 10
  return {
    files: all.filter((f) => f.wire > 0).length,
    jsWireKB: kb(all.filter((f) => f.js).reduce((s, f) => s + f.wire, 0)),
    cssWireKB: kb(all.filter((f) => !f.js).reduce((s, f) => s + f.wire, 0)),
    realKB: kb(all.reduce((s, f) => s + f.real, 0)),
    encodings: [...new Set(all.filter((f) => f.wire > 0).map((f) => f.encoding))],
  }
}

/** A port nobody holds now: PUBLIC_URL must name the real one, so PORT=0 will not do. */
const freePort = () =>
  new Promise<number>((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => done(port))
    })
  })

async function main() {
  if (!existsSync(join(H5_DIR, 'index.html')) || !existsSync(CHROMIUM)) {
    console.log('complaint page: skipped (needs `npm run build:h5` and Chromium)')
    return
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'kuaisu-bench-page-'))
  const parsed = parseHostConfig({ PORT: String(await freePort()), HOST: '127.0.0.1', DATA_DIR: dataDir, H5_DIR, LOG_LEVEL: 'warn' })
  if (!parsed.ok) throw new Error(parsed.problems.join('; '))
  const host = await bootHost(parsed.config, () => undefined)
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  })
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, locale: 'zh-CN' })
    const page = await context.newPage()
    const url = `${host.url}/s/${DEMO_MERCHANTS[0].code}`
    const first = await visit(page, url)
    const second = await visit(page, url)
    console.log('\n== the complaint page on a phone (JS and CSS)')
    console.log(`  first visit       ${first.files} files (${first.encodings.join('/')}), ${first.realKB} KB unpacked`)
    console.log(`    JS on the wire  ${first.jsWireKB} KB   (goal ≤ ${GOAL_JS_KB} KB)`)
    console.log(`    CSS on the wire ${first.cssWireKB} KB`)
    console.log(`  second visit      ${second.files} files fetched again, ${second.jsWireKB + second.cssWireKB} KB`)
    saveBenchSection('complaintPage', { first, second, goalJsKB: GOAL_JS_KB })
  } finally {
    await browser.close()
    await host.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
