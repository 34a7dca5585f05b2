import type { Store } from '../../cloudfunctions/ports/store'
import type { StoreInspection } from '../../cloudfunctions/ports/store-inspection'
import type { PlatformIdentity } from '../../cloudfunctions/services/resolve-caller'
import { loginStaff } from '../../cloudfunctions/services/staff-auth'
import type { SubmitComplaintInput } from '../../src/domain/complaint.schema'
import type { ClientDetails } from '../../src/domain/workflow/event-details'
import { aSubmission, unique } from './builders'
import { callAs } from './call-as'
import { SHOP_A, SHOP_B, SITE_A, SITE_B, seedTwoShops } from './seed-shops'
import { DEFAULT_NOW, makeDeps, openTestStore } from './test-deps'

export type Fn = 'consumer' | 'merchant' | 'station'

/** What a person fills in for the steps that need more than a reason. */
export const OFFER: ClientDetails = { kind: 'offer', remedy: 'refund', amountFen: 12800, note: '全额退款' }
export const rating = (satisfied: boolean): ClientDetails => ({
  kind: 'rating',
  speed: 4,
  professionalism: 4,
  attitude: 5,
  satisfied,
  comment: satisfied ? '' : '退款一直没到账',
})
export const returnVisit = (satisfied: boolean): ClientDetails => ({
  kind: 'return_visit',
  knowsResult: true,
  promiseKept: satisfied,
  satisfied,
  improve: '',
  unresolved: satisfied ? '' : '退款未到账',
})
/** 调解成功's agreement: the shop refunds 128元 by the last day of 2026 (the test clocks stay before it). */
export const AGREEMENT: ClientDetails = { kind: 'agreement', terms: '商家退款128元并书面道歉', amountFen: 12800, performBy: '2026-12-31' }
const DEFAULT_DETAILS: Record<string, ClientDetails> = {
  answer: OFFER,
  rate: rating(true),
  returnVisit: returnVisit(true),
  mediate: AGREEMENT,
  reject: { kind: 'not_accepted', reason: 'civil_dispute' }, // 不予受理 names its ground (not-accepted.ts)
  transfer: { kind: 'transfer', destination: 'department', toSiteId: '', toName: '区人力资源和社会保障局', fromSiteId: '' },
}

/**
 * Two sites, a shop in each, a station account for each (plus a second one at site A, for return
 * visits by someone other than the handler) and an active clerk per shop — logged in and ready.
 */
export async function openWorkflowWorld(start: Date = DEFAULT_NOW, given?: Store & StoreInspection) {
  const store: Store & StoreInspection = given ?? (await openTestStore())
  const deps = makeDeps(store, start)
  await seedTwoShops(store)
  const now = '2026-03-10T02:00:00.000Z'
  const passwordHash = await deps.secrets.hashPassword('pw-123456')
  const staff = [
    { id: 'st-a', site: SITE_A.id, name: '星河站' },
    { id: 'st-a2', site: SITE_A.id, name: '星河站回访员' },
    { id: 'st-b', site: SITE_B.id, name: '滨江站' },
  ]
  const who: Record<string, PlatformIdentity> = {}
  for (const s of staff) {
    await store.saveStaff({ id: s.id, username: s.id, displayName: s.name, role: 'station', siteId: s.site, passwordHash, createdAt: now })
    const login = await loginStaff(deps, s.id, 'pw-123456')
    if (!login.ok) throw new Error(login.error.code)
    who[s.id] = { subject: `${s.id}-desk`, staffSessionToken: login.data.token }
  }
  await store.saveMembership({ id: 'm-a', merchantId: SHOP_A.id, siteId: SITE_A.id, subject: 'clerk-a', status: 'active', createdAt: now })
  await store.saveMembership({ id: 'm-b', merchantId: SHOP_B.id, siteId: SITE_B.id, subject: 'clerk-b', status: 'active', createdAt: now })
  who.clerkA = { subject: 'clerk-a' }
  who.clerkB = { subject: 'clerk-b' }

  /** One step through the function the role uses; steps that need details get a typical one. */
  const act = (fn: Fn, caseId: string, caseAction: string, as: PlatformIdentity, reason = '', extra: Record<string, unknown> = {}) =>
    callAs(
      deps,
      fn,
      {
        action: fn === 'consumer' ? 'actOnMyCase' : 'actOnCase',
        caseId,
        caseAction,
        reason,
        details: DEFAULT_DETAILS[caseAction] ?? null,
        ...extra,
      },
      as,
    )
  /** A complaint at shop A by this shopper; returns the case id. */
  const file = async (subject: string, over: Partial<SubmitComplaintInput> = {}) => {
    const r = await callAs(deps, 'consumer', aSubmission(SHOP_A.code, { idempotencyKey: unique('wf').padEnd(16, '0'), ...over }), {
      subject,
    })
    if (!r.ok) throw new Error(r.error.code)
    return r.data.caseId as string
  }
  return { store, deps, who, act, file, sha256: (text: string) => deps.secrets.hashToken(text) }
}
