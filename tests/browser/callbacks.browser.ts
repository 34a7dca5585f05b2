import { resolve } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { loadOrCreateKeys } from '../../cloudfunctions/host/host-keys'
import { openSqlStore } from '../../cloudfunctions/adapters/sql/sql-store'
import { aesVault } from '../../cloudfunctions/adapters/system/aes-vault'
import { drawSiteSample } from '../../cloudfunctions/services/callback/monthly-draw'
import { loginStaff } from '../../cloudfunctions/services/staff-auth'
import { DEMO_SITE } from '../../cloudfunctions/seed/demo-data'
import { monthOf, previousMonth } from '../../src/domain/callback/callback-due'
import { aMerchant, aSubmission, unique } from '../support/builders'
import { callAs } from '../support/call-as'
import { makeDeps } from '../support/test-deps'
import { current, DEMO_PASSWORD, seriousViolations, settled, shot, startHarness, type Harness } from './browser-harness'
import { toggleElderly } from './support/elderly-mode'

// 回访抽查 and 评价复核 at the desk, against the real local host and the H5 build (issue 19 items 1
// and 7): last month's sample (drawn before the host starts, as the tick on the 1st would), one case
// called back with the four questions, "商家未履行承诺" leading to 重新处理 after a confirmation, and
// a rating below 80 % reviewed — axe clean in normal type and in 大字模式.
const DESK = { viewport: { width: 1366, height: 800 }, locale: 'zh-CN' }
const SHOP = aMerchant(DEMO_SITE, { id: 'shop-callback-test', code: 'CALB26', name: '回访测试小馆', doubleCommitmentSigned: false })
const CALLER = { id: 'cb-caller', username: 'cb-caller', displayName: '回访员小李' }
const CLOSER = { id: 'cb-closer', username: 'cb-closer', displayName: '办结员老王' }

const now = new Date()
const last = previousMonth(monthOf(now))
const CLOSED_AT = new Date(Date.UTC(last.year, last.month - 1, 10, 2, 0)) // 10:00 Beijing on last month's 10th
const DRAWN_AT = new Date(Date.UTC(monthOf(now).year, monthOf(now).month - 1, 1) - 8 * 3600_000 + 5 * 60_000) // the 1st, 00:05 Beijing
type Json = { ok: boolean; data?: Record<string, unknown>; error?: { code: string } }

/** Before the host starts: two station accounts, three complaints closed last month (one rated low), and the draw. */
async function seedSample(dataDir: string) {
  const keys = loadOrCreateKeys(dataDir, {})
  const store = await openSqlStore({ kind: 'pglite', dataDir: resolve(dataDir, 'pg') }, aesVault(keys.dataKey))
  try {
    const deps = makeDeps(store, CLOSED_AT)
    await store.saveSite(DEMO_SITE)
    await store.saveMerchant(SHOP)
    const passwordHash = await deps.secrets.hashPassword(DEMO_PASSWORD)
    for (const s of [CALLER, CLOSER])
      await store.saveStaff({ ...s, role: 'station', siteId: DEMO_SITE.id, passwordHash, createdAt: CLOSED_AT.toISOString() })
    const clerk = { subject: 'cb-clerk' }
    await store.saveMembership({
      id: 'cb-member',
      merchantId: SHOP.id,
      siteId: DEMO_SITE.id,
      subject: clerk.subject,
      status: 'active',
      createdAt: CLOSED_AT.toISOString(),
    })
    const login = await loginStaff(deps, CLOSER.username, DEMO_PASSWORD)
    if (!login.ok) throw new Error(login.error.code)
    const closer = { subject: 'cb-closer-desk', staffSessionToken: login.data.token }
    const step = async (
      fn: 'station' | 'merchant' | 'consumer',
      who: object,
      caseId: string,
      caseAction: string,
      details: object | null = null,
    ) => {
      const r = await callAs(
        deps,
        fn,
        { action: fn === 'consumer' ? 'actOnMyCase' : 'actOnCase', caseId, caseAction, reason: '', details },
        who,
      )
      if (!r.ok) throw new Error(`${caseAction}: ${r.error.code}`)
    }
    for (let i = 0; i < 3; i++) {
      const shopper = { subject: `cb-shopper-${i}` }
      const filed = await callAs(deps, 'consumer', aSubmission(SHOP.code, { idempotencyKey: unique(`cb${i}`).padEnd(16, '0') }), shopper)
      if (!filed.ok) throw new Error(filed.error.code)
      const caseId = String(filed.data.caseId)
      await step('station', closer, caseId, 'accept')
      await step('station', closer, caseId, 'dispatch')
      await step('merchant', clerk, caseId, 'answer', { kind: 'offer', remedy: 'refund', amountFen: 5800, note: '退还餐费' })
      await step('consumer', shopper, caseId, 'acceptOffer')
      await step('station', closer, caseId, 'close')
      if (i === 0)
        await step('consumer', shopper, caseId, 'rate', {
          kind: 'rating',
          speed: 3,
          professionalism: 4,
          attitude: 3,
          satisfied: true,
          comment: '',
        })
    }
    const drawn = await drawSiteSample({ ...makeDeps(store, DRAWN_AT) }, DEMO_SITE.id, DRAWN_AT)
    if (!drawn.drawn || drawn.sampled !== 1) throw new Error(`draw: ${JSON.stringify(drawn)}`)
  } finally {
    await store.close()
  }
}

describe('H5 — the monthly call-back (回访抽查) and the review of low ratings (评价复核)', () => {
  let h: Harness
  let ctx: BrowserContext
  let desk: Page
  const api = async (fn: string, body: object): Promise<Json> =>
    (await (await ctx.request.post(`${h.base}/api/${fn}`, { data: body })).json()) as Json

  beforeAll(async () => {
    h = await startHarness({ beforeBoot: seedSample })
    ctx = await h.browser.newContext(DESK)
    desk = await ctx.newPage()
    const login = await ctx.request.post(`${h.base}/auth/login`, { data: { username: CALLER.username, password: DEMO_PASSWORD } })
    expect(login.status()).toBe(200)
  })
  afterAll(async () => {
    await h?.close()
  })

  it('when the list opens from the board, then the sample shows its due day, its caller-back and 0 % against 98 %, clean for axe in both modes', async () => {
    await desk.goto(`${h.base}/#/pages/station/board/index`)
    await settled(desk)
    await current(desk).getByRole('button', { name: '回访抽查' }).click()
    await current(desk).getByRole('list', { name: '抽查名单' }).waitFor()
    const page = current(desk)
    await page.getByRole('status').filter({ hasText: '完成率 0%（目标不低于 98%，未达标）' }).waitFor()
    await page.getByText('回访人：回访员小李').waitFor()
    await page.getByText(/截止日期：\d{4}-\d{2}-\d{2}/).waitFor()
    await shot(desk, 'callbacks-list')
    expect(await seriousViolations(desk)).toEqual([])
    await toggleElderly(desk)
    await shot(desk, 'callbacks-list-elderly')
    expect(await seriousViolations(desk)).toEqual([])
    await toggleElderly(desk)
  })

  it('when the caller-back records "the shop did not keep its promise", then 重新处理 asks first and the case goes back to the station', async () => {
    const page = current(desk)
    const item = page.getByRole('list', { name: '抽查名单' }).getByRole('listitem').first()
    await item.getByRole('button', { name: /^回访 / }).click()
    await item.getByText(/投诉人：.+，电话 1\d{10}/).waitFor()
    await item.getByRole('radiogroup', { name: '消费者知道处理结果吗' }).getByRole('radio', { name: '是' }).click()
    await item.getByRole('radiogroup', { name: '商家履行承诺了吗' }).getByRole('radio', { name: '否' }).click()
    await item.getByRole('radiogroup', { name: '消费者满意吗' }).getByRole('radio', { name: '是' }).click()
    await item.getByRole('textbox', { name: '改进建议' }).fill('希望商家按时退款')
    expect(await seriousViolations(desk)).toEqual([])
    await item.getByRole('button', { name: '提交回访记录' }).click()
    await item.getByRole('status').filter({ hasText: '商家未履行承诺或消费者不满意，应重新处理' }).waitFor()

    await item.getByRole('button', { name: '重新处理' }).click()
    const dialog = page.getByRole('alertdialog')
    await dialog.getByText('重新处理这件投诉？').waitFor()
    await shot(desk, 'callbacks-reopen-confirm')
    expect(await seriousViolations(desk)).toEqual([])
    await dialog.getByRole('button', { name: '确认重新处理' }).click()
    await item.getByRole('status').filter({ hasText: '已重新处理' }).waitFor()
    await page.getByRole('status').filter({ hasText: '完成率 100%（目标不低于 98%，已达标）' }).waitFor()

    const list = await api('station', { action: 'callbackList' })
    const caseId = String((list.data?.items as { caseId: string }[])[0].caseId)
    expect(await api('station', { action: 'getCase', caseId })).toMatchObject({ ok: true, data: { status: 'accepted' } })
  })

  it('when the station head reviews a rating below 80 %, then it is recorded with what was found and what changed, after a confirmation', async () => {
    const page = current(desk)
    const reviews = page.getByRole('list', { name: '评价复核' })
    const entry = reviews.getByRole('listitem').first()
    await entry.getByText('状态：待复核').waitFor()
    await entry.getByText(/（67%）/).waitFor()
    await entry.getByRole('textbox', { name: '发现的问题' }).fill('调解员未及时告知退款进度')
    await entry.getByRole('textbox', { name: '改进措施' }).fill('办结前电话确认商家已退款')
    await entry.getByRole('button', { name: '记录复核结果' }).click()
    await page.getByRole('alertdialog').getByRole('button', { name: '确认记录' }).click()
    await entry.getByText('状态：已复核').waitFor()
    await entry.getByText('改进措施：办结前电话确认商家已退款').waitFor()
    await toggleElderly(desk)
    await shot(desk, 'callbacks-reviewed-elderly')
    expect(await seriousViolations(desk)).toEqual([])
  })
})
