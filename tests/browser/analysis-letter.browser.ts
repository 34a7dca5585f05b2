import { randomUUID } from 'node:crypto'
import { writeFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { openSqlStore } from '../../cloudfunctions/adapters/sql/sql-store'
import { aesVault } from '../../cloudfunctions/adapters/system/aes-vault'
import { hmacChainSigner } from '../../cloudfunctions/adapters/system/hmac-chain-signer'
import { loadOrCreateKeys } from '../../cloudfunctions/host/host-keys'
import { refreshStats } from '../../cloudfunctions/services/stats-upkeep'
import { ADVICE_LIBRARY } from '../../src/domain/letters/advice-library'
import { dayOf } from '../../src/domain/metrics/period'
import { aSubmission } from '../support/builders'
import { callAs } from '../support/call-as'
import { makeDeps } from '../support/test-deps'
import { DEMO_CLERK_MERCHANT } from '../../cloudfunctions/seed/demo-data'
import { current, DEMO_PASSWORD, seriousViolations, settled, shot, startHarness, type Harness } from './browser-harness'
import { pdfText, requirePoppler } from './support/pdf-tools'
import { seedStatsCases, STATS_CASES } from './support/stats-world'
import { toggleElderly } from './support/elderly-mode'
import { signInStation } from './support/station-session'

// 消费投诉分析建议书 printed by the real host (GET /export/letter.pdf with the staff session) and read back
// with pdftotext: the title, the shop, its most frequent problem with the library's advice, the comparison
// with its industry line — and nothing of the report (举报) filed against the same shop. No page is needed:
// the route is called directly. Needs fonts-wqy-microhei (the PDF's font) and poppler-utils.
const DAY_MS = 86_400_000
const RESTAURANT = STATS_CASES[0].shop // 味道小馆, three complaints in the seed
const REPORT_PROBLEM = '价格' // the report's problem type: none of the seeded complaints has it

/** The demo seed's complaints, then a report (举报) against 味道小馆, then the statistics refreshed. */
async function seedWithReport(dataDir: string) {
  await seedStatsCases(dataDir)
  const keys = loadOrCreateKeys(dataDir, {})
  const store = await openSqlStore({ kind: 'pglite', dataDir: resolve(dataDir, 'pg') }, aesVault(keys.dataKey))
  try {
    const now = new Date(Date.now() - 60 * 60_000)
    // fresh ids: the test deps count ids from 1 again, and the seed's cases already hold those
    const deps = { ...makeDeps(store, now), chainSigner: hmacChainSigner(keys.chainKey), ids: { newId: () => randomUUID() } }
    const filed = await callAs(
      deps,
      'consumer',
      aSubmission(RESTAURANT.code, {
        kind: 'report',
        anonymous: false,
        demands: [],
        problemType: REPORT_PROBLEM,
        industry: RESTAURANT.industry,
        description: '店里菜单标价和结账价格不一致，多收钱',
        purchaseTime: dayOf(now),
        idempotencyKey: 'letter-browser-report-0001',
      }),
      { subject: 'insider' },
    )
    if (!filed.ok) throw new Error(`report: ${filed.error.code}`)
    await refreshStats(deps, now)
  } finally {
    await store.close()
  }
}

describe('消费投诉分析建议书 — the printed letter (host route, pdftotext)', () => {
  let h: Harness
  let cookie = ''
  const dir = mkdtempSync(join(tmpdir(), 'ks-letter-'))
  const seededAt = Date.now() - 60 * 60_000
  const [y, m] = dayOf(new Date(seededAt)).split('-').map(Number)
  const quarter = `${y}-Q${Math.floor((m - 1) / 3) + 1}`
  const inQuarter = (daysAgo: number) => {
    const [cy, cm] = dayOf(new Date(seededAt - daysAgo * DAY_MS))
      .split('-')
      .map(Number)
    return `${cy}-Q${Math.floor((cm - 1) / 3) + 1}` === quarter
  }
  const letterUrl = (merchantId: string) => `${h.base}/export/letter.pdf?merchantId=${merchantId}&quarter=${quarter}`

  beforeAll(async () => {
    requirePoppler()
    h = await startHarness({ beforeBoot: seedWithReport })
    const login = await fetch(`${h.base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'station', password: DEMO_PASSWORD }),
    })
    expect(login.status).toBe(200)
    // the session cookie among the ones set (the known-device cookie comes too)
    cookie =
      login.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .find((c) => c.startsWith('ks_staff=')) ?? ''
    expect(cookie).toMatch(/^ks_staff=./)
  })
  afterAll(async () => {
    await h?.close()
  })

  it("when the station prints 味道小馆's letter, then pdftotext finds its complaints, top problem with advice and its line — and no report", async () => {
    const res = await fetch(letterUrl(RESTAURANT.id), { headers: { cookie } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    const file = join(dir, 'letter.pdf')
    writeFileSync(file, Buffer.from(await res.arrayBuffer()))
    const text = pdfText(file)
    const complaints = STATS_CASES.filter((c) => c.shop.code === RESTAURANT.code && inQuarter(c.daysAgo)).length
    expect(text).toContain('消费投诉分析建议书')
    expect(text).toContain('味道小馆')
    expect(text).toMatch(new RegExp(`共受理针对贵单位的消费投诉\\s*${complaints}\\s*件`))
    expect(text).toContain('三、主要问题与改进建议')
    expect(text).toMatch(/1\.\s*食品安全/)
    expect(text).toContain(ADVICE_LIBRARY['食品安全'][0].text.slice(0, 12)) // the advice's opening, before any line break
    expect(text).toContain('与本站食品行业比较')
    // the report against the same shop is in no figure and no advice
    expect(text).not.toContain(ADVICE_LIBRARY[REPORT_PROBLEM][0].text.slice(0, 12))
    expect(text).not.toMatch(new RegExp(`^\\s*${REPORT_PROBLEM}\\s+\\d`, 'm'))
    expect(text).not.toContain('举报查实')
  })

  it('when nobody is signed in or the shop does not exist, then the host answers the JSON error, not a PDF', async () => {
    const anonymous = await fetch(letterUrl(RESTAURANT.id))
    expect(anonymous.status).toBe(401)
    const missing = await fetch(letterUrl('no-such-shop'), { headers: { cookie } })
    expect(missing.status).toBe(404)
    expect(await missing.json()).toMatchObject({ error: { code: 'MERCHANT_NOT_FOUND' } })
  })

  it("when the shop's clerk opens its home page, then 本季度投诉分析 shows its top problem with advice, no report; axe clean in both modes", async () => {
    expect(DEMO_CLERK_MERCHANT.id).toBe(RESTAURANT.id) // the demo clerk's shop is 味道小馆
    const clerk = await (await h.phone()).newPage()
    await clerk.goto(h.lines.find((l) => l.includes('/demo/clerk?key='))!.match(/http\S+/)![0])
    const block = current(clerk).getByRole('region', { name: '本季度投诉分析' })
    await block.getByText(ADVICE_LIBRARY['食品安全'][0].text, { exact: false }).waitFor()
    await settled(clerk)
    const text = await block.innerText()
    expect(text).toMatch(/1\.\s*食品安全/)
    expect(text).not.toContain(REPORT_PROBLEM)
    expect(await seriousViolations(clerk)).toEqual([])
    await shot(clerk, 'letter-summary-home')
    await toggleElderly(clerk)
    expect(await seriousViolations(clerk)).toEqual([])
    await shot(clerk, 'letter-summary-home-elderly')
  })

  it("when the station records the letter's delivery on the shop's page, then it asks first, then lists it (axe clean)", async () => {
    const desk = await (await h.browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' })).newPage()
    await signInStation(desk, h.base)
    await desk.goto(`${h.base}/#/pages/station/merchant/index?id=${RESTAURANT.id}`)
    await current(desk).getByRole('heading', { name: '消费投诉分析建议书' }).waitFor()
    await current(desk).getByRole('textbox', { name: '季度' }).fill(quarter)
    await current(desk).getByRole('radio', { name: '微信' }).click()
    await current(desk).getByRole('button', { name: '登记送达' }).click()
    await current(desk).getByRole('button', { name: '确认登记' }).click()
    await current(desk).getByText(`已登记送达：${quarter}，微信`).waitFor()
    await current(desk).getByRole('list', { name: '送达记录' }).getByText(`${quarter} · 微信`, { exact: false }).waitFor()
    await settled(desk)
    expect(await seriousViolations(desk)).toEqual([])
    await shot(desk, 'letter-delivery-desk')
  })
})
