import type { Store } from '../../cloudfunctions/ports/store'
import type { PlatformIdentity } from '../../cloudfunctions/services/resolve-caller'
import { loginStaff } from '../../cloudfunctions/services/staff-auth'
import { NO_CLOCK_OVERRIDES } from '../../src/domain/clocks/clock-settings'
import type { StaffRole } from '../../src/domain/identity'
import type { Merchant } from '../../src/domain/merchant.schema'
import type { Site } from '../../src/domain/site.schema'
import { aMerchant, anEvidence, aSubmission, unique } from '../support/builders'
import { callAs } from '../support/call-as'
import { DEFAULT_NOW, makeDeps, openTestStore } from '../support/test-deps'
import { OFFER } from '../support/workflow-world'

// Three shops for the merchant-side tests: two at site X (neighbours in one mall) and one at site Y,
// each with an active clerk, and station staff at each site plus a city-wide regulator. Every shop
// carries markers — unique strings planted in its name, credit code, contact, case descriptions,
// complainants and file names — so a test can search any response body for another shop's data.

export const SITE_X: Site = {
  id: 'site-x',
  name: '星河广场',
  address: '星河路88号',
  hotline: '0571-88812315',
  clockSettings: NO_CLOCK_OVERRIDES,
}
export const SITE_Y: Site = {
  id: 'site-y',
  name: '滨江天街',
  address: '滨江路1号',
  hotline: '0571-00012315',
  clockSettings: NO_CLOCK_OVERRIDES,
}

export interface Shop {
  key: 'one' | 'two' | 'three'
  merchant: Merchant
  clerk: PlatformIdentity
  /** strings that only this shop's data contains */
  markers: string[]
}

const shopOf = (key: Shop['key'], site: Site, code: string, uscc: string): Shop => {
  const tag = `MK${key.toUpperCase()}`
  const merchant = aMerchant(site, {
    id: `shop-${key}`,
    code,
    uscc,
    name: `${tag}NAME小馆`,
    contactName: `${tag}CONTACT`,
    contactPhone: '',
  })
  return {
    key,
    merchant,
    clerk: { subject: `clerk-${key}` },
    markers: [merchant.name, uscc, `${tag}CONTACT`, `${tag}DESC`, `${tag}FILE`, `${tag}PERSON`, `${tag}ADDR`],
  }
}

export async function openMerchantWorld(start: Date = DEFAULT_NOW) {
  const store: Store = await openTestStore()
  const deps = makeDeps(store, start)
  const shops = {
    one: shopOf('one', SITE_X, 'ONE234', '91330106MA2K00001K'),
    two: shopOf('two', SITE_X, 'TWO234', '91330106MA2K00002N'),
    three: shopOf('three', SITE_Y, 'THR234', '91330106MA2K00003R'),
  }
  for (const site of [SITE_X, SITE_Y]) await store.saveSite(site)
  const at = start.toISOString()
  for (const s of Object.values(shops)) {
    await store.saveMerchant(s.merchant)
    await store.saveMembership({
      id: `member-${s.key}`,
      merchantId: s.merchant.id,
      siteId: s.merchant.siteId,
      subject: s.clerk.subject!,
      status: 'active',
      createdAt: at,
    })
  }

  const passwordHash = await deps.secrets.hashPassword('pw-123456')
  const accounts: { id: string; role: StaffRole; siteId: string | null }[] = [
    { id: 'station-x', role: 'station', siteId: SITE_X.id },
    { id: 'station-y', role: 'station', siteId: SITE_Y.id },
    { id: 'regulator', role: 'regulator', siteId: null },
    { id: 'proxy-x', role: 'proxy', siteId: SITE_X.id },
  ]
  for (const a of accounts)
    await store.saveStaff({ id: a.id, username: a.id, displayName: a.id, role: a.role, siteId: a.siteId, passwordHash, createdAt: at })
  /** A fresh staff session (sessions last 12 h: tests that move the clock far log in again). */
  const staff = async (username: string): Promise<PlatformIdentity> => {
    const login = await loginStaff(deps, username, 'pw-123456')
    if (!login.ok) throw new Error(login.error.code)
    return { staffSessionToken: login.data.token }
  }
  /** An administrator (no site), 管理员, saved on first use: most tests here never need one. */
  const admin = async (): Promise<PlatformIdentity> => {
    if (!(await store.getStaff('admin-1')))
      await store.saveStaff({
        id: 'admin-1',
        username: 'admin-1',
        displayName: '管理员',
        role: 'admin',
        siteId: null,
        passwordHash,
        createdAt: at,
      })
    return staff('admin-1')
  }
  const stationOf = (s: Shop) => staff(s.merchant.siteId === SITE_X.id ? 'station-x' : 'station-y')

  const call = (fn: Parameters<typeof callAs>[1], event: object, who: PlatformIdentity) => callAs(deps, fn, event, who)
  const must = async (fn: Parameters<typeof callAs>[1], event: object, who: PlatformIdentity) => {
    const r = await call(fn, event, who)
    if (!r.ok) throw new Error(`${fn}.${(event as { action: string }).action}: ${r.error.code}`)
    return r.data
  }

  /**
   * A complaint at the shop with a marked photo; accepted and, where the station still has to,
   * dispatched, so it is with the merchant. These shops signed the double commitment, so their
   * complaints are with them from the filing on (direct-to-merchant.ts) and 受理 leaves them there.
   */
  const fileCase = async (s: Shop, opts: { dispatch?: boolean } = {}) => {
    const shopper = unique('shopper')
    const tag = `MK${s.key.toUpperCase()}`
    const photo = anEvidence(shopper, { displayName: `${tag}FILE-${unique('n')}.jpg` })
    await store.saveEvidence(photo)
    const submission = aSubmission(s.merchant.code, {
      name: `${tag}PERSON`,
      address: `${tag}ADDR`,
      description: `${tag}DESC：买到的商品有质量问题，要求退款`,
      evidenceIds: [photo.id],
      sharePhoneWithMerchant: true,
      idempotencyKey: unique('key').padEnd(16, '0'),
    })
    const { caseId } = await must('consumer', submission, { subject: shopper })
    if (opts.dispatch !== false) {
      const station = await stationOf(s)
      const accepted = await must('station', { action: 'actOnCase', caseId, caseAction: 'accept', reason: '' }, station)
      if (accepted.status === 'accepted')
        await must('station', { action: 'actOnCase', caseId, caseAction: 'dispatch', reason: '' }, station)
    }
    return { caseId: caseId as string, shopper, evidenceId: photo.id }
  }

  /** The clerk answers with an offer and a marked photo of their own. */
  const answer = async (s: Shop, caseId: string) => {
    const photo = anEvidence(s.clerk.subject!, { displayName: `MK${s.key.toUpperCase()}FILE-offer.jpg` })
    await store.saveEvidence(photo)
    await must(
      'merchant',
      { action: 'actOnCase', caseId, caseAction: 'answer', reason: '可以退款', details: OFFER, attachments: [photo.id] },
      s.clerk,
    )
    return photo.id
  }

  return { store, deps, shops, staff, admin, stationOf, call, must, fileCase, answer }
}

export type MerchantWorld = Awaited<ReturnType<typeof openMerchantWorld>>
