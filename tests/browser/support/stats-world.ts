import { resolve } from 'node:path'
import { openSqlStore } from '../../../cloudfunctions/adapters/sql/sql-store'
import { aesVault } from '../../../cloudfunctions/adapters/system/aes-vault'
import { hmacChainSigner } from '../../../cloudfunctions/adapters/system/hmac-chain-signer'
import { loadOrCreateKeys } from '../../../cloudfunctions/host/host-keys'
import { DEMO_MERCHANTS } from '../../../cloudfunctions/seed/demo-data'
import { seedDemo } from '../../../cloudfunctions/seed/seed-demo'
import { refreshStats } from '../../../cloudfunctions/services/stats-upkeep'
import { dayOf } from '../../../src/domain/metrics/period'
import { aSubmission } from '../../support/builders'
import { callAs } from '../../support/call-as'
import { makeDeps } from '../../support/test-deps'
import { DEMO_PASSWORD } from '../browser-harness'

// The demo seed has shops but no cases, so the statistics page would show only zeros. Before the host
// starts, this files six complaints at the demo shops through the real consumer function (within the last
// 40 days, so the page's default range — the last three whole months — holds them), with the host's own
// keys, and refreshes the statistics as the host's tick would. The host then boots on this data directory
// (the demo seed sees it is already seeded) and the page reads exactly these cases.
const DAY_MS = 86_400_000
const shop = (name: string) => DEMO_MERCHANTS.find((m) => m.name === name)!

const SOUP = '汤里有一只苍蝇，要求退款并道歉'
const COOKER = '在超市买的电饭煲用了两天就不加热了，要求换货'
const PILLS = '药房店员说这款保健品能治高血压，买回来发现只是普通食品，要求退款'
export const STATS_CASES = [
  { shop: shop('味道小馆'), daysAgo: 0, problemType: '食品安全', filer: 'shopper-1', description: SOUP },
  { shop: shop('味道小馆'), daysAgo: 2, problemType: '食品安全', filer: 'shopper-1', description: SOUP },
  { shop: shop('味道小馆'), daysAgo: 9, problemType: '服务态度', filer: 'shopper-2', description: SOUP },
  { shop: shop('优选生活超市'), daysAgo: 1, problemType: '质量', filer: 'shopper-3', description: COOKER },
  { shop: shop('优选生活超市'), daysAgo: 15, problemType: '质量', filer: 'shopper-4', description: COOKER },
  { shop: shop('康宁大药房'), daysAgo: 30, problemType: '虚假宣传/广告', filer: 'shopper-5', description: PILLS },
] as const

/**
 * Cases per industry line as stored (the line is derived at filing from the shop and the text, so it is
 * read back rather than assumed): what the page's 各行业件数 table should show. Filled by seedStatsCases.
 */
export const STATS_BY_INDUSTRY: Record<string, number> = {}

/** 标签 staff confirm on some of them (by index in STATS_CASES), and what the page's 各标签件数 table should show. */
const STATS_TAGS: Record<number, string[]> = { 0: ['food-safety'], 1: ['food-safety', 'service-attitude'], 3: ['quality'] }
export const STATS_BY_TAG: Record<string, number> = { 食品安全: 2, 服务态度: 1, 质量问题: 1, 预付卡: 0 }

export async function seedStatsCases(dataDir: string): Promise<void> {
  const keys = loadOrCreateKeys(dataDir, {})
  const store = await openSqlStore({ kind: 'pglite', dataDir: resolve(dataDir, 'pg') }, aesVault(keys.dataKey))
  try {
    const now = new Date(Date.now() - 60 * 60_000) // an hour back: no case is later than the host's now
    const deps = { ...makeDeps(store, now), chainSigner: hmacChainSigner(keys.chainKey) }
    await seedDemo(deps, { dataDir, demoPassword: DEMO_PASSWORD })
    for (const [i, c] of STATS_CASES.entries()) {
      deps.clock.set(new Date(now.getTime() - c.daysAgo * DAY_MS))
      const filed = await callAs(
        deps,
        'consumer',
        aSubmission(c.shop.code, {
          problemType: c.problemType,
          description: c.description,
          industry: c.shop.industry, // the desk's choice: otherwise the line is derived from the text
          purchaseTime: dayOf(deps.clock.now()),
          idempotencyKey: `stats-browser-${String(i).padStart(4, '0')}`,
        }),
        { subject: c.filer },
      )
      if (!filed.ok) throw new Error(`filing ${i}: ${filed.error.code} ${JSON.stringify(filed.error.fields ?? {})}`)
      const stored = await store.getCase(String(filed.data.caseId))
      if (!stored) throw new Error(`filing ${i}: no case`)
      STATS_BY_INDUSTRY[stored.industry] = (STATS_BY_INDUSTRY[stored.industry] ?? 0) + 1
      const tags = STATS_TAGS[i]
      if (tags)
        await store.confirmCaseTags({
          caseId: stored.id,
          proposed: [],
          confirmed: tags,
          confirmedBy: 'seed',
          confirmedAt: now.toISOString(),
        })
    }
    deps.clock.set(now)
    await refreshStats(deps, now)
  } finally {
    await store.close()
  }
}
