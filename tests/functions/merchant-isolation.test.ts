import type { Result } from '../../src/domain/errors'
import { API } from '../../src/domain/api/contract'
import type { Data } from '../support/call-as'
import { openMerchantWorld, type MerchantWorld, type Shop } from './merchant-world'

// Object-level security on the merchant side: a clerk never sees another shop's cases, files,
// counts or lists — whether the other shop is next door (same site) or at another site. Every
// action of the merchant function is probed, from the contract's own list: a new action without a
// probe below fails this suite, so nobody adds one without saying how it is kept apart.

type MerchantAction = keyof typeof API.merchant

/** What the other shop's objects look like to a probe. */
interface Target {
  caseIds: string[]
  /** files of the other shop's cases (the shopper's and the clerk's) */
  evidenceIds: string[]
  /** an invite of the other shop that no longer works */
  deadInviteCode: string
  /** the other shop itself (its objections to the public page) */
  merchantId: string
}

interface Probe {
  event: object
  /** 'theirs': aimed at the other shop's objects → must be *_NOT_FOUND; 'own': may succeed on the caller's own data */
  aim: 'theirs' | 'own'
}

const PROBES: Record<MerchantAction, (them: Target, own: { caseId: string }) => Probe[]> = {
  getHome: () => [{ event: { action: 'getHome' }, aim: 'own' }],
  getCase: (them) => them.caseIds.map((caseId) => ({ event: { action: 'getCase', caseId }, aim: 'theirs' })),
  actOnCase: (them, own) => [
    ...them.caseIds.flatMap((caseId) => [
      {
        event: { action: 'actOnCase', caseId, caseAction: 'answer', reason: '退款', details: { kind: 'refusal', note: '不同意处理' } },
        aim: 'theirs' as const,
      },
      { event: { action: 'actOnCase', caseId, caseAction: 'checkIn', reason: '' }, aim: 'theirs' as const },
    ]),
    // the caller's own case, trying to claim the other shop's files as its attachments
    {
      event: {
        action: 'actOnCase',
        caseId: own.caseId,
        caseAction: 'answer',
        reason: '见附件',
        details: { kind: 'refusal', note: '见附件说明' },
        attachments: them.evidenceIds.slice(0, 4),
      },
      aim: 'theirs',
    },
  ],
  redeemInvite: (them) => [
    { event: { action: 'redeemInvite', code: them.deadInviteCode }, aim: 'theirs' },
    { event: { action: 'redeemInvite', code: 'NOSUCHCODE22' }, aim: 'theirs' },
  ],
  myMemberships: () => [{ event: { action: 'myMemberships' }, aim: 'own' }],
  // 投诉信息公示: an objection only for the clerk's own shop; another's objections are not found
  fileObjection: (them) => [
    { event: { action: 'fileObjection', merchantId: them.merchantId, reason: '统计数字有误，请核实' }, aim: 'theirs' },
  ],
  myObjections: (them) => [
    { event: { action: 'myObjections', merchantId: them.merchantId }, aim: 'theirs' },
    { event: { action: 'myObjections' }, aim: 'own' },
  ],
  // 消费投诉分析建议书: the home page's summary of the clerk's own shop only
  letterSummary: (them) => [
    { event: { action: 'letterSummary', merchantId: them.merchantId }, aim: 'theirs' },
    { event: { action: 'letterSummary' }, aim: 'own' },
  ],
}

const FILE_TOKEN = /\/files\/([A-Za-z0-9._~-]+)/g

describe('merchant isolation — every merchant action against every other shop', () => {
  let world: MerchantWorld
  const targets = new Map<Shop['key'], Target & { ownCaseId: string }>()
  const caseIdsOf = new Map<Shop['key'], string[]>()

  beforeAll(async () => {
    world = await openMerchantWorld()
    for (const shop of Object.values(world.shops)) {
      const answered = await world.fileCase(shop)
      const clerkFile = await world.answer(shop, answered.caseId)
      const waiting = await world.fileCase(shop)
      const received = await world.fileCase(shop, { dispatch: false }) // not yet accepted (with the shop since filing: it signed)
      const invite = await world.must('registry', { action: 'issueInvite', merchantId: shop.merchant.id }, await world.stationOf(shop))
      await world.must('registry', { action: 'withdrawInvite', inviteId: invite.inviteId }, await world.stationOf(shop))
      const ids = [answered.caseId, waiting.caseId, received.caseId]
      caseIdsOf.set(shop.key, ids)
      targets.set(shop.key, {
        caseIds: ids,
        evidenceIds: [answered.evidenceId, clerkFile, waiting.evidenceId, received.evidenceId],
        deadInviteCode: invite.code,
        merchantId: shop.merchant.id,
        ownCaseId: waiting.caseId,
      })
    }
  })
  afterAll(() => world.store.close())

  it('when the probe table is read, then it covers exactly the actions of the merchant contract', () => {
    expect(Object.keys(PROBES).sort()).toEqual(Object.keys(API.merchant).sort())
  })

  const pairs = (): [Shop['key'], Shop['key']][] => [
    ['one', 'two'], // neighbours at the same site
    ['two', 'one'],
    ['one', 'three'], // another site
    ['three', 'one'],
  ]

  it.each(pairs())(
    'when the clerk of shop %s probes shop %s, then everything aimed at it is not found and nothing of it shows',
    async (viewerKey, otherKey) => {
      const viewer = world.shops[viewerKey]
      const other = world.shops[otherKey]
      const them = targets.get(otherKey)!
      const versionsBefore = await Promise.all(them.caseIds.map(async (id) => (await world.store.getCase(id))!.version))

      const problems: string[] = []
      const bodies: { label: string; result: Result<Data> }[] = []
      for (const action of Object.keys(PROBES) as MerchantAction[]) {
        for (const probe of PROBES[action](them, { caseId: targets.get(viewerKey)!.ownCaseId })) {
          const result = await world.call('merchant', probe.event, viewer.clerk)
          const label = `${action} ${JSON.stringify(probe.event).slice(0, 80)}`
          bodies.push({ label, result })
          if (!result.ok && !result.error.code.endsWith('_NOT_FOUND'))
            problems.push(`${label} → ${result.error.code} (must be *_NOT_FOUND)`)
          if (probe.aim === 'theirs' && result.ok) problems.push(`${label} → ok (must be *_NOT_FOUND)`)
          const body = JSON.stringify(result)
          for (const marker of other.markers) if (body.includes(marker)) problems.push(`${label} → contains "${marker}"`)
        }
      }
      expect(problems).toEqual([])

      // nothing aimed at the other shop changed it
      const versionsAfter = await Promise.all(them.caseIds.map(async (id) => (await world.store.getCase(id))!.version))
      expect(versionsAfter).toEqual(versionsBefore)

      // the home counts and lists the viewer's own shop only
      const home = bodies.find((b) => b.label.startsWith('getHome'))!.result
      expect(home).toMatchObject({ ok: true, data: { record: { total: 3 } } })
      const listed = home.ok ? (home.data.cases as { id: string }[]).map((c) => c.id).sort() : []
      expect(listed).toEqual([...caseIdsOf.get(viewerKey)!].sort())
    },
  )

  it("when a clerk opens their own cases, then every file link they are handed opens one of their own shop's files", async () => {
    for (const viewer of Object.values(world.shops)) {
      const own = new Set(caseIdsOf.get(viewer.key))
      const tokens: string[] = []
      for (const caseId of own) {
        const view = await world.call('merchant', { action: 'getCase', caseId }, viewer.clerk)
        expect(view.ok).toBe(true)
        tokens.push(...[...JSON.stringify(view).matchAll(FILE_TOKEN)].map((m) => m[1]))
      }
      expect(tokens.length).toBeGreaterThanOrEqual(4) // the shoppers' photos and the clerk's own offer photo
      for (const token of tokens) {
        const evidenceId = world.deps.links.verify(token, world.deps.clock.now())
        const evidence = evidenceId ? await world.store.getEvidence(evidenceId) : null
        expect(evidence && own.has(evidence.caseId ?? '')).toBe(true)
      }
    }
  })

  it("when a clerk holds a live invite of another shop, then redeeming it gives only a pending binding and that shop's cases stay not found", async () => {
    const viewer = world.shops.three // a pair the table above does not probe, so its expectations stay as they were
    const other = world.shops.two
    const invite = await world.must('registry', { action: 'issueInvite', merchantId: other.merchant.id }, await world.stationOf(other))
    const redeemed = await world.call('merchant', { action: 'redeemInvite', code: invite.code }, viewer.clerk)
    expect(redeemed).toMatchObject({ ok: true, data: { status: 'pending', statusLabel: '等待维权站审核' } })
    for (const caseId of caseIdsOf.get('two')!) {
      const view = await world.call('merchant', { action: 'getCase', caseId }, viewer.clerk)
      expect(view).toMatchObject({ ok: false, error: { code: 'CASE_NOT_FOUND' } })
    }
    const home = JSON.stringify(await world.call('merchant', { action: 'getHome' }, viewer.clerk))
    for (const marker of other.markers) expect(home).not.toContain(marker)
  })

  it("when a shopper with no binding calls a clerk's action, then the policy refuses before any case is looked at", async () => {
    const caseId = caseIdsOf.get('one')![0]
    for (const event of [{ action: 'getHome' }, { action: 'getCase', caseId }]) {
      expect(await world.call('merchant', event, { subject: 'just-a-shopper' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
  })
})
