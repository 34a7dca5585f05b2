import { resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { loadOrCreateKeys } from '../../cloudfunctions/host/host-keys'
import { openSqlStore } from '../../cloudfunctions/adapters/sql/sql-store'
import { aesVault } from '../../cloudfunctions/adapters/system/aes-vault'
import { rollPublicFigures } from '../../cloudfunctions/services/public-figures-pass'
import { DEMO_CLERK_MERCHANT, DEMO_SITE } from '../../cloudfunctions/seed/demo-data'
import { aSubmission, unique } from '../support/builders'
import { callAs } from '../support/call-as'
import { makeDeps } from '../support/test-deps'
import { current, seriousViolations, settled, shot, startHarness, type Harness } from './browser-harness'
import { openFresh } from './support/navigation'
import { signInStation } from './support/station-session'
import { toggleElderly } from './support/elderly-mode'

// 投诉信息公示 at a phone's width against the real local host (issue 19.2): from the consumer home's
// link to the page, whose whole HTML holds none of the seeded complainants' names, phones,
// addresses or descriptions and none of the shop's replies; the shop's clerk objects, the station
// upholds, and the shop leaves the page. Every page axe clean in normal type and 大字模式.

// the demo clerk's shop (signed the double commitment: complaints reach it at once), so the demo clerk link can object
const SHOP = DEMO_CLERK_MERCHANT
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

  it("when the shop's clerk objects from the merchant home, then it is on record as 核实中 (both modes axe clean)", async () => {
    const clerk = await (await h.phone()).newPage()
    await clerk.goto(h.lines.find((l) => l.includes('/demo/clerk?key='))!.match(/http\S+/)![0])
    await settled(clerk)
    await current(clerk).getByRole('button', { name: '投诉信息公示与异议' }).click()
    await current(clerk).getByRole('textbox', { name: '异议理由' }).waitFor()
    await settled(clerk)
    expect(await seriousViolations(clerk)).toEqual([])
    await toggleElderly(clerk)
    expect(await seriousViolations(clerk)).toEqual([])
    await shot(clerk, 'public-objection-elderly')
    await toggleElderly(clerk)
    await current(clerk).getByRole('textbox', { name: '异议理由' }).fill('其中一件是同一位顾客重复提交的投诉')
    await current(clerk).getByRole('button', { name: '提交异议' }).click()
    await current(clerk).getByRole('button', { name: '确认提交' }).click()
    await current(clerk).getByText('核实中').first().waitFor()
    expect(await seriousViolations(clerk)).toEqual([])
    await clerk.context().close()
  })

  it('when the station upholds the objection, then it is recorded and the shop leaves the public page (both modes axe clean)', async () => {
    const desk = await (await h.phone()).newPage()
    await signInStation(desk, h.base)
    await current(desk).getByRole('button', { name: '投诉信息公示' }).click()
    await current(desk).getByRole('textbox', { name: '公示门槛（件）' }).waitFor()
    await current(desk).getByText('核实中').first().waitFor()
    await settled(desk)
    expect(await seriousViolations(desk)).toEqual([])
    await toggleElderly(desk)
    expect(await seriousViolations(desk)).toEqual([])
    await shot(desk, 'public-station-elderly')
    await toggleElderly(desk)
    await current(desk).getByRole('textbox', { name: '处理意见' }).fill('核实属实，撤下公示')
    await current(desk).getByRole('button', { name: '异议成立，撤下公示' }).click()
    await current(desk).getByRole('button', { name: '确认撤下' }).click()
    await current(desk).getByText('异议成立，已撤下').waitFor()
    await desk.context().close()

    await openFresh(page, `${h.base}/#/pages/public/records/index?site=${DEMO_SITE.id}`)
    await current(page).getByText('公示期内没有达到公示条件的经营者').waitFor()
    expect(await current(page).getByRole('heading', { name: SHOP.name }).count()).toBe(0)
  })
})
