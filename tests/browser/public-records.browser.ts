import { resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { loadOrCreateKeys } from '../../cloudfunctions/host/host-keys'
import { openSqlStore } from '../../cloudfunctions/adapters/sql/sql-store'
import { aesVault } from '../../cloudfunctions/adapters/system/aes-vault'
import { rollPublicFigures } from '../../cloudfunctions/services/public-figures-pass'
import { DEMO_SITE } from '../../cloudfunctions/seed/demo-data'
import { aMerchant, aSubmission, unique } from '../support/builders'
import { callAs } from '../support/call-as'
import { makeDeps } from '../support/test-deps'
import { current, seriousViolations, shot, startHarness, type Harness } from './browser-harness'
import { openFresh } from './support/navigation'

// 投诉信息公示 at a phone's width against the real local host (issue 19.2): from the consumer home's
// link to the page, whose whole HTML holds none of the seeded complainants' names, phones,
// addresses or descriptions and none of the shop's replies; axe clean in normal type and 大字模式.

const SHOP = aMerchant(DEMO_SITE, {
  id: 'shop-public-test',
  code: 'PUBL26',
  name: '公示测试小馆',
  contactName: 'PUBCONTACT',
  contactPhone: '13911112222',
})
const COMPLAINANTS = [
  { name: 'PUBNAMEA', phone: '13722223333', address: 'PUBADDRA小区', description: 'PUBDESCA汤里有头发要求退款' },
  { name: 'PUBNAMEB', phone: '13633334444', address: 'PUBADDRB小区', description: 'PUBDESCB饭菜变质要求赔偿' },
  { name: 'PUBNAMEC', phone: '13544445555', address: 'PUBADDRC小区', description: 'PUBDESCC多收了二十元钱' },
]
const REPLY = 'PUBREPLY同意退款并道歉'
const OFFER_NOTE = 'PUBOFFER退还餐费'

/** Before the host starts: the shop, three complaints (one answered), and the hourly pass run once. */
async function seedPublished(dataDir: string) {
  const keys = loadOrCreateKeys(dataDir, {})
  const store = await openSqlStore({ kind: 'pglite', dataDir: resolve(dataDir, 'pg') }, aesVault(keys.dataKey))
  try {
    const deps = makeDeps(store, new Date())
    await store.saveSite(DEMO_SITE)
    await store.saveMerchant(SHOP)
    const clerk = { subject: 'pub-clerk' }
    await store.saveMembership({
      id: 'pub-member',
      merchantId: SHOP.id,
      siteId: DEMO_SITE.id,
      subject: clerk.subject,
      status: 'active',
      createdAt: new Date().toISOString(),
    })
    for (const [i, who] of COMPLAINANTS.entries()) {
      const filed = await callAs(deps, 'consumer', aSubmission(SHOP.code, { ...who, idempotencyKey: unique(`pub${i}`).padEnd(16, '0') }), {
        subject: `pub-shopper-${i}`,
      })
      if (!filed.ok) throw new Error(filed.error.code)
      if (i > 0) continue
      const answered = await callAs(
        deps,
        'merchant',
        {
          action: 'actOnCase',
          caseId: filed.data.caseId,
          caseAction: 'answer',
          reason: REPLY,
          details: { kind: 'offer', remedy: 'refund', amountFen: 6800, note: OFFER_NOTE },
        },
        clerk,
      )
      if (!answered.ok) throw new Error(answered.error.code)
    }
    await rollPublicFigures(deps, new Date())
  } finally {
    await store.close()
  }
}

async function toggleElderly(page: Page) {
  const toggle = current(page).getByRole('switch', { name: '大字模式' })
  const on = (await toggle.getAttribute('aria-checked')) === 'true'
  await toggle.click()
  await current(page)
    .locator('.page--elderly')
    .waitFor({ state: on ? 'detached' : 'visible' })
}

/** Every seeded personal datum and free text found anywhere in the page's HTML. */
async function leaks(page: Page): Promise<string[]> {
  const html = await page.content()
  const forbidden = [
    ...COMPLAINANTS.flatMap((c) => [c.name, c.phone, c.address, c.description, c.description.slice(0, 8)]),
    REPLY,
    'PUBREPLY',
    OFFER_NOTE,
    'PUBOFFER',
    SHOP.contactName,
    SHOP.contactPhone,
    'pub-shopper',
    'pub-clerk',
  ]
  return forbidden.filter((text) => html.includes(text))
}

describe('投诉信息公示 in the H5 app at phone size', () => {
  let h: Harness
  let page: Page

  beforeAll(async () => {
    h = await startHarness({ beforeBoot: seedPublished })
    page = await (await h.phone()).newPage()
  })
  afterAll(async () => {
    await h?.close()
  })

  it('when a person taps 投诉信息公示 on the home page, then the shop is listed with its figures and nothing personal or free-text is in the HTML', async () => {
    await openFresh(page, `${h.base}/#/pages/consumer/home/index`)
    await current(page).getByRole('button', { name: '投诉信息公示' }).click()
    const shop = current(page).getByRole('heading', { name: SHOP.name })
    await shop.waitFor()
    const card = current(page).locator('.public-records__card').filter({ hasText: SHOP.name })
    await card.getByText('3件').waitFor()
    await card.getByText('已签署').waitFor()
    await card.getByText('样本不足').first().waitFor() // one answered response, fewer than N = 3
    await shot(page, 'public-records')
    expect(await leaks(page)).toEqual([])
    expect(await seriousViolations(page)).toEqual([])
  })

  it('when 大字模式 is on, then the page is still clean for axe and still holds nothing personal', async () => {
    await toggleElderly(page)
    await current(page).getByRole('heading', { name: SHOP.name }).waitFor()
    await shot(page, 'public-records-elderly')
    expect(await seriousViolations(page)).toEqual([])
    expect(await leaks(page)).toEqual([])
    await toggleElderly(page)
  })

  it('when the host page /public/<site> is opened, then it lists the shop and holds nothing personal either', async () => {
    await page.goto(`${h.base}/public/${DEMO_SITE.id}`)
    await page.getByRole('heading', { name: SHOP.name }).waitFor()
    expect(await leaks(page)).toEqual([])
    expect(await seriousViolations(page)).toEqual([])
  })
})
