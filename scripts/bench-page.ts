// npm run bench, last part: what a phone downloads to open the complaint page (issue 13, "a first
// page that arrives fast"). The real host on PGlite serving the H5 build, Chromium at a phone's
// viewport: the JS and CSS of the first visit as they went over the wire (compressed) beside their
// real size and the goal, and what a second visit fetches again (hashed chunks come from the cache).
// Then the time to a usable form on a throttled phone (issue 16: goal 3 s): opened from the poster's
// /s/<code> with a cold cache, 150 ms latency, 1.6 Mbit/s down, 750 kbit/s up and the CPU 4× slower,
// until the description box is on screen and enabled; the median of 3, and the redirects on the way.
// Needs `npm run build:h5` and Chromium (CHROMIUM_PATH or /usr/bin/chromium); prints figures, asserts nothing.
// KS_OUTPUT_ROOT: measure an H5 build made elsewhere (config/index.ts).
// Lighthouse's own figures for the same page are in bench-lighthouse.ts.
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { DEMO_MERCHANTS } from '../cloudfunctions/seed/demo-data'
import { startBenchHost } from './bench-host'
import { saveBenchSection } from './bench-results'

const H5_DIR = resolve(__dirname, '..', process.env.KS_OUTPUT_ROOT || 'dist/h5')
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const GOAL_JS_KB = 120
const GOAL_USABLE_MS = 3000
/** a mid-range phone on a weak mall network (issue 16's measurement) */
const NETWORK = { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) | 0, uploadThroughput: (750e3 / 8) | 0 }
const CPU_SLOWDOWN = 4
// KS_BENCH_RUNS: fewer throttled runs while trying things (the figures to report are the median of 3)
const RUNS = Number(process.env.KS_BENCH_RUNS) || 3

interface Visit {
  /** files that came over the network (a cache hit reports no body size) */
  files: number
  jsWireKB: number
  jsRealKB: number
  cssWireKB: number
  realKB: number
  encodings: string[]
  /** each file that came over the wire: path, KB unpacked, KB as served */
  perFile: { path: string; realKB: number; wireKB: number }[]
}

async function visit(page: Page, url: string): Promise<Visit> {
  const seen: Promise<{ path: string; js: boolean; wire: number; real: number; encoding: string }>[] = []
  page.on('response', (res) => {
    if (!/\.(js|css)$/.test(new URL(res.url()).pathname)) return
    seen.push(
      (async () => {
        const sizes = await res.request().sizes()
        const real = (await res.body().catch(() => Buffer.alloc(0))).length
        const path = new URL(res.url()).pathname
        return {
          path,
          js: path.endsWith('.js'),
          wire: Math.max(0, sizes.responseBodySize),
          real,
          encoding: res.headers()['content-encoding'] ?? 'none',
        }
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
    jsRealKB: kb(all.filter((f) => f.js).reduce((s, f) => s + f.real, 0)),
    cssWireKB: kb(all.filter((f) => !f.js).reduce((s, f) => s + f.wire, 0)),
    realKB: kb(all.reduce((s, f) => s + f.real, 0)),
    encodings: [...new Set(all.filter((f) => f.wire > 0).map((f) => f.encoding))],
    perFile: all
      .filter((f) => f.wire > 0)
      .sort((a, b) => b.wire - a.wire)
      .map((f) => ({ path: f.path, realKB: kb(f.real), wireKB: kb(f.wire) })),
  }
}

/**
 * One cold visit on a throttled phone: ms from the navigation's start (before any redirect) until the
 * description box is laid out and enabled, read inside the page; and how many HTTP redirects led there.
 */
async function usableForm(browser: Browser, url: string): Promise<{ ms: number; redirects: number }> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, locale: 'zh-CN' })
  try {
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.emulateNetworkConditions', NETWORK)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN })
    const res = await page.goto(url, { waitUntil: 'commit' })
    let redirects = 0
    for (let r = res?.request().redirectedFrom(); r; r = r.redirectedFrom()) redirects += 1
    const at = await page.waitForFunction(
      () => {
        const box = document.querySelector<HTMLTextAreaElement>('#field-description-control')
        if (!box || box.disabled || box.readOnly) return false
        const r = box.getBoundingClientRect()
        return r.width > 0 && r.height > 0 && getComputedStyle(box).visibility !== 'hidden' ? performance.now() : false
      },
      undefined,
      { polling: 'raf', timeout: 60_000 },
    )
    return { ms: Math.round(Number(await at.jsonValue())), redirects }
  } finally {
    await context.close()
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

async function main() {
  if (!existsSync(join(H5_DIR, 'index.html')) || !existsSync(CHROMIUM)) {
    console.log('complaint page: skipped (needs `npm run build:h5` and Chromium)')
    return
  }
  const host = await startBenchHost(H5_DIR)
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  })
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, locale: 'zh-CN' })
    const page = await context.newPage()
    // KS_BENCH_ENTRY: open another path instead (to compare, e.g. the form's hash URL itself)
    const url = `${host.url}${process.env.KS_BENCH_ENTRY ?? `/s/${DEMO_MERCHANTS[0].code}`}`
    const first = await visit(page, url)
    const second = await visit(page, url)
    console.log('\n== the complaint page on a phone (JS and CSS)')
    console.log(`  first visit       ${first.files} files (${first.encodings.join('/')}), ${first.realKB} KB unpacked`)
    console.log(`    JS              ${first.jsRealKB} KB unpacked, ${first.jsWireKB} KB on the wire   (goal ≤ ${GOAL_JS_KB} KB)`)
    console.log(`    CSS on the wire ${first.cssWireKB} KB`)
    // KS_BENCH_FILES=1: every file of the first visit, largest first (which chunk to work on)
    if (process.env.KS_BENCH_FILES)
      for (const f of first.perFile)
        console.log(`      ${f.wireKB.toFixed(1).padStart(6)} KB br ${f.realKB.toFixed(1).padStart(7)} KB  ${f.path}`)
    console.log(`  second visit      ${second.files} files fetched again, ${second.jsWireKB + second.cssWireKB} KB`)
    await context.close()
    const runs: { ms: number; redirects: number }[] = []
    for (let i = 0; i < RUNS; i += 1) runs.push(await usableForm(browser, url))
    const usableMs = median(runs.map((r) => r.ms))
    const redirects = Math.max(...runs.map((r) => r.redirects))
    console.log(`  opened from      ${url.replace(host.url, '')}: ${redirects} redirect(s)`)
    console.log(
      `  usable form      ${(usableMs / 1000).toFixed(2)} s median of ${RUNS} (${runs.map((r) => r.ms).join(', ')} ms; goal < ${GOAL_USABLE_MS / 1000} s)`,
    )
    console.log(`                   cold cache, ${NETWORK.latency} ms latency, 1.6/0.75 Mbit/s, CPU ×${CPU_SLOWDOWN}`)
    const throttled = { network: NETWORK, cpuSlowdown: CPU_SLOWDOWN, runsMs: runs.map((r) => r.ms), medianMs: usableMs, redirects }
    saveBenchSection('complaintPage', { first, second, goalJsKB: GOAL_JS_KB, usableForm: { ...throttled, goalMs: GOAL_USABLE_MS } })
  } finally {
    await browser.close()
    await host.close()
  }
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
