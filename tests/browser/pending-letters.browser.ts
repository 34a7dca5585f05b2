import { resolve } from 'node:path'
import { openSqlStore } from '../../cloudfunctions/adapters/sql/sql-store'
import { aesVault } from '../../cloudfunctions/adapters/system/aes-vault'
import { loadOrCreateKeys } from '../../cloudfunctions/host/host-keys'
import { DEMO_SITE } from '../../cloudfunctions/seed/demo-data'
import { current, seriousViolations, settled, shot, startHarness, type Harness } from './browser-harness'
import { toggleElderly } from './support/elderly-mode'
import { signInStation } from './support/station-session'
import { seedStatsCases, STATS_CASES } from './support/stats-world'

// 待送达建议书 (docs/analysis-letters.md, "The quarterly run") on 商户管理: the entries the tick's quarterly run
// writes are stored directly here (the run itself is covered by tests/functions/quarterly-letters.test.ts).
// The station sees one big button per shop owed a letter, axe clean in both type sizes; the button opens the
// shop's page on that quarter, and recording the delivery there takes the shop off the list.
const RESTAURANT = STATS_CASES[0].shop // 味道小馆
const MARKET = STATS_CASES[3].shop // 优选生活超市
const QUARTER = '2026-Q3'

async function seedPending(dataDir: string) {
  await seedStatsCases(dataDir)
  const keys = loadOrCreateKeys(dataDir, {})
  const store = await openSqlStore({ kind: 'pglite', dataDir: resolve(dataDir, 'pg') }, aesVault(keys.dataKey))
  try {
    const preparedAt = new Date().toISOString()
    const entry = { siteId: DEMO_SITE.id, quarter: QUARTER, preparedAt, deliveryId: null }
    await store.addPendingLetters([
      { ...entry, merchantId: RESTAURANT.id, merchantName: RESTAURANT.name, complaints: 3 },
      { ...entry, merchantId: MARKET.id, merchantName: MARKET.name, complaints: 2 },
    ])
  } finally {
    await store.close()
  }
}

describe('待送达建议书 — the letters owed after a quarter, on 商户管理', () => {
  let h: Harness

  beforeAll(async () => {
    h = await startHarness({ beforeBoot: seedPending })
  })
  afterAll(async () => {
    await h?.close()
  })

  it('when letters are owed, then the station sees them (axe clean in both modes), opens one on its quarter, and recording the delivery takes it off the list', async () => {
    const desk = await (await h.browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' })).newPage()
    await signInStation(desk, h.base)

    const merchants = async (heading: string) => {
      await desk.goto(`${h.base}/#/pages/station/merchants/index`)
      await current(desk).getByRole('heading', { name: heading }).waitFor()
      await settled(desk)
    }
    const onSwitchPage = async () => {
      await desk.goto(`${h.base}/#/pages/station/callbacks/index`)
      await current(desk).getByRole('switch', { name: '大字模式' }).waitFor()
    }
    await merchants('待送达建议书（2 家）')
    const owed = current(desk).getByRole('list', { name: '待送达建议书' })
    await owed.getByRole('button', { name: `${MARKET.name}，2026年第三季度，2 件投诉，去送达` }).waitFor()
    expect(await seriousViolations(desk)).toEqual([])
    // 大字模式 is switched on 回访抽查 (the registry pages have no switch of their own); it stays on across pages
    await onSwitchPage()
    await toggleElderly(desk)
    await merchants('待送达建议书（2 家）')
    expect(await seriousViolations(desk)).toEqual([])
    await shot(desk, 'pending-letters-elderly')
    await onSwitchPage()
    await toggleElderly(desk)
    await merchants('待送达建议书（2 家）')

    await owed.getByRole('button', { name: `${RESTAURANT.name}，2026年第三季度，3 件投诉，去送达` }).click()
    await current(desk).getByRole('heading', { name: '消费投诉分析建议书' }).waitFor()
    expect(await current(desk).getByRole('textbox', { name: '季度' }).inputValue()).toBe(QUARTER)
    await current(desk).getByRole('button', { name: '登记送达' }).click()
    await current(desk).getByRole('button', { name: '确认登记' }).click()
    await current(desk).getByText(`已登记送达：${QUARTER}，打印面交`).waitFor()

    // back to the list, as staff go: it reloads on show
    await desk.goBack()
    await current(desk).getByRole('heading', { name: '待送达建议书（1 家）' }).waitFor()
    expect(await current(desk).getByRole('list', { name: '待送达建议书' }).getByRole('button').count()).toBe(1)
    await shot(desk, 'pending-letters-after-delivery')
  })
})
