import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { buildServer } from '../../cloudfunctions/host/server'
import type { Store } from '../../cloudfunctions/ports/store'
import { rollPublicFigures } from '../../cloudfunctions/services/public-figures-pass'
import { aSubmission, unique } from '../support/builders'
import { openMerchantWorld, SITE_X, type MerchantWorld } from '../functions/merchant-world'

// GET /public/<siteId> over real HTTP: plain HTML with the published figures and nothing of a
// complainant or a case's text (the whole page is searched for every seeded one), cached in the
// process (a second request reads nothing from the store), with Cache-Control and an ETag.

/** The store with a tally of every call made through it. */
function counting(store: Store) {
  const calls: string[] = []
  const wrapped = new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver)
      if (typeof value !== 'function') return value
      return (...args: unknown[]) => {
        calls.push(String(prop))
        return (value as (...a: unknown[]) => unknown).apply(target, args)
      }
    },
  })
  return { store: wrapped, calls }
}

describe('the public page on the host', () => {
  let world: MerchantWorld
  let app: FastifyInstance
  let base: string
  let calls: string[]
  const shopper = { name: 'PUBPERSON', phone: '139 7777 8888', address: 'PUBADDR小区', description: 'PUBDESC汤里有头发，要求退款' }
  const replyText = 'PUBREPLY同意全额退款'
  const offerNote = 'PUBOFFER退款128元'

  beforeAll(async () => {
    world = await openMerchantWorld(new Date('2026-03-10T02:00:00Z'))
    const shop = world.shops.one
    for (let i = 0; i < 3; i++) {
      const { caseId } = await world.fileCase(shop)
      if (i === 0) {
        // one more with the marked personal data of this suite, and a marked reply from the shop
        const marked = await world.must('consumer', { ...submissionOf(shop.merchant.code, i), ...shopper }, { subject: `pub-shopper-${i}` })
        await world.must(
          'merchant',
          {
            action: 'actOnCase',
            caseId: marked.caseId,
            caseAction: 'answer',
            reason: replyText,
            details: { kind: 'offer', remedy: 'refund', amountFen: 12800, note: offerNote },
          },
          shop.clerk,
        )
      }
      await world.answer(shop, caseId)
    }
    await rollPublicFigures(world.deps, world.deps.clock.now())
    const counted = counting(world.store)
    calls = counted.calls
    app = await buildServer({ ...world.deps, store: counted.store }, { secureCookies: false, loginFailureDelayMs: 0, logLevel: 'silent' })
    await app.listen({ port: 0, host: '127.0.0.1' })
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    await app.close()
    await world.store.close()
  })

  it('when anyone opens the page, then it lists the shop and holds no complainant, description or reply anywhere in the HTML', async () => {
    const res = await fetch(`${base}/public/${SITE_X.id}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/text\/html/)
    const html = await res.text()
    expect(html).toContain(world.shops.one.merchant.name)
    expect(html).toContain('4件')
    expect(html).toContain('已签署')
    const forbidden = [
      shopper.name,
      shopper.phone,
      shopper.phone.replace(/\s/g, ''),
      shopper.address,
      shopper.description,
      'PUBDESC',
      replyText,
      'PUBREPLY',
      offerNote,
      'PUBOFFER',
      // merchant-world's own complainants, descriptions, files, the shop's contact and the clerk's reply
      'MKONEPERSON',
      'MKONEADDR',
      'MKONEDESC',
      'MKONEFILE',
      'MKONECONTACT',
      '138 1234 5678',
      '13812345678',
      '可以退款',
      '全额退款',
      'pub-shopper',
      'clerk-one',
    ]
    expect(forbidden.filter((text) => html.includes(text))).toEqual([])
    expect(html).not.toMatch(/1[3-9]\d{9}/) // no phone number of any kind
    expect(html).not.toMatch(/<script/i)
  })

  it('when the page is asked for again, then it is answered from the cache without a store read, and an unchanged page is a 304', async () => {
    const first = await fetch(`${base}/public/${SITE_X.id}`)
    const etag = first.headers.get('etag')
    expect(first.headers.get('cache-control')).toBe('public, max-age=60')
    expect(etag).toMatch(/^".+"$/)
    calls.length = 0
    const second = await fetch(`${base}/public/${SITE_X.id}`)
    expect(second.status).toBe(200)
    expect(await second.text()).toContain(world.shops.one.merchant.name)
    expect(calls).toEqual([])
    const revalidated = await fetch(`${base}/public/${SITE_X.id}`, { headers: { 'if-none-match': etag! } })
    expect(revalidated.status).toBe(304)

    // past the minute, the page is read again
    world.deps.clock.set(new Date('2026-03-10T02:01:01Z'))
    await fetch(`${base}/public/${SITE_X.id}`)
    expect(calls).toEqual(expect.arrayContaining(['listPublicFigures', 'getPublicSettings']))
  })

  it('when a site does not exist, then the answer is 404 in words', async () => {
    const res = await fetch(`${base}/public/no-such-site`)
    expect(res.status).toBe(404)
    expect(await res.text()).toBe('未找到该站点的投诉信息公示')
  })
})

const submissionOf = (code: string, i: number) => aSubmission(code, { idempotencyKey: unique(`pub-${i}`).padEnd(16, '0') })
