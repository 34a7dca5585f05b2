import type { StaffAccount } from '../../cloudfunctions/ports/records'
import type { StaffBinding, StaffBindingLogEntry } from '../../cloudfunctions/ports/staff-bindings'
import type { Store } from '../../cloudfunctions/ports/store'
import { aSite, unique } from '../support/builders'

/**
 * Staff bindings to OPENIDs (issue 15), for every adapter: a subject has one active binding; a
 * binding code binds once, however many race for it, and not after it expired; a revoked binding
 * identifies nobody; each bind and unbind is in the account's audit log; a disabled account reads
 * back disabled; failed sign-ins are kept and forgotten.
 */
export function staffBindingsContract(adapterName: string, open: () => Promise<Store>) {
  describe(`Staff bindings store contract — ${adapterName}`, () => {
    let store: Store
    beforeAll(async () => {
      store = await open()
    })
    afterAll(async () => {
      await store?.close()
    })
    const AT = '2026-03-10T02:00:00.000Z'
    const LATER = '2026-03-10T03:00:00.000Z'

    const anAccount = async (over: Partial<StaffAccount> = {}): Promise<StaffAccount> => {
      const account: StaffAccount = {
        id: unique('staff'),
        username: unique('user'),
        displayName: '测试站员',
        role: 'station',
        siteId: null,
        passwordHash: 'scrypt$1$1$1$a$b',
        createdAt: AT,
        ...over,
      }
      await store.saveStaff(account)
      return account
    }
    const aBinding = (staffId: string, subject = unique('openid')): StaffBinding => ({
      id: unique('binding'),
      staffId,
      subject,
      via: 'password',
      createdAt: AT,
      revokedAt: null,
    })
    const logOf = (b: StaffBinding, action: StaffBindingLogEntry['action'] = 'bind'): StaffBindingLogEntry => ({
      id: unique('log'),
      action,
      staffId: b.staffId,
      subject: b.subject,
      via: action === 'bind' ? b.via : 'self',
      actor: b.subject,
      at: AT,
    })
    const aCode = async (staffId: string, expiresAt = LATER) => {
      const codeHash = unique('code-hash')
      const code = { codeHash, staffId, issuedBy: 'admin-1', createdAt: AT, expiresAt }
      await store.saveBindingCode(code, {
        id: unique('log'),
        action: 'issue-code',
        staffId,
        subject: null,
        via: 'admin',
        actor: 'admin-1',
        at: AT,
      })
      return codeHash
    }
    const redeem = (codeHash: string, subject: string, at = '2026-03-10T02:30:00.000Z') =>
      store.redeemBindingCode(codeHash, { bindingId: unique('binding'), logId: unique('log'), subject, at })

    it('when a subject is bound, then it finds that binding, and a second account cannot take the subject', async () => {
      const [a, b] = [await anAccount(), await anAccount()]
      const binding = aBinding(a.id)
      expect(await store.bindStaff(binding, logOf(binding))).toEqual({ outcome: 'bound', binding })
      expect(await store.findActiveStaffBindingOf(binding.subject)).toEqual(binding)
      expect(await store.bindStaff(aBinding(a.id, binding.subject), logOf(binding))).toEqual({ outcome: 'already', binding })
      expect(await store.bindStaff(aBinding(b.id, binding.subject), logOf(binding))).toEqual({ outcome: 'subject-taken' })
      expect(await store.listStaffBindingsOf(b.id)).toEqual([])
    })

    it('when a binding is revoked, then the subject is nobody, the binding is listed as revoked, and a second revoke is refused', async () => {
      const a = await anAccount()
      const binding = aBinding(a.id)
      await store.bindStaff(binding, logOf(binding))
      expect(await store.revokeStaffBinding(binding.id, LATER, logOf(binding, 'unbind'))).toBe(true)
      expect(await store.findActiveStaffBindingOf(binding.subject)).toBeNull()
      expect(await store.listStaffBindingsOf(a.id)).toEqual([{ ...binding, revokedAt: LATER }])
      expect(await store.revokeStaffBinding(binding.id, LATER, logOf(binding, 'unbind'))).toBe(false)
      expect((await store.listStaffBindingLog(a.id)).map((e) => e.action)).toEqual(['bind', 'unbind'])
    })

    it('when a code is redeemed, then the subject is bound to its account, and the code does not bind a second time', async () => {
      const a = await anAccount()
      const codeHash = await aCode(a.id)
      const first = await redeem(codeHash, 'openid-first')
      expect(first).toMatchObject({ outcome: 'bound', binding: { staffId: a.id, subject: 'openid-first', via: 'code', revokedAt: null } })
      expect(await store.findActiveStaffBindingOf('openid-first')).toMatchObject({ staffId: a.id })
      expect(await redeem(codeHash, unique('openid-second'))).toEqual({ outcome: 'code-invalid' })
      const log = await store.listStaffBindingLog(a.id)
      expect(log.map((e) => [e.action, e.subject, e.via])).toEqual([
        ['issue-code', null, 'admin'],
        ['bind', 'openid-first', 'code'],
      ])
    })

    it("when an account's provisioning is appended to its log, then it reads back after its bindings' entries, in time order", async () => {
      const a = await anAccount()
      const binding = aBinding(a.id)
      await store.bindStaff(binding, logOf(binding))
      const disabled: StaffBindingLogEntry = {
        id: unique('log'),
        action: 'account-disabled',
        staffId: a.id,
        subject: null,
        via: 'admin',
        actor: 'admin-1',
        at: LATER,
      }
      await store.appendStaffBindingLog(disabled)
      expect((await store.listStaffBindingLog(a.id)).map((e) => e.action)).toEqual(['bind', 'account-disabled'])
      expect((await store.listStaffBindingLog(a.id))[1]).toEqual(disabled)
    })

    it("when a disabled account's code is redeemed, then nobody is bound and the code stays unused for when it is enabled again", async () => {
      const a = await anAccount({ disabledAt: AT })
      const codeHash = await aCode(a.id)
      expect(await redeem(codeHash, 'openid-off')).toEqual({ outcome: 'code-invalid' })
      expect(await store.findActiveStaffBindingOf('openid-off')).toBeNull()
      const { disabledAt: _off, ...enabled } = a
      await store.saveStaff(enabled)
      expect(await redeem(codeHash, 'openid-off')).toMatchObject({ outcome: 'bound', binding: { staffId: a.id } })
    })

    it('when five subjects race for one code, then exactly one is bound', async () => {
      const a = await anAccount()
      const codeHash = await aCode(a.id)
      const outcomes = await Promise.all(
        [1, 2, 3, 4, 5].map((i) => redeem(codeHash, unique(`racer${i}`)).catch(() => ({ outcome: 'failed' }))),
      )
      expect(outcomes.filter((o) => o.outcome === 'bound')).toHaveLength(1)
      expect(await store.listStaffBindingsOf(a.id)).toHaveLength(1)
    })

    it('when a code has expired or never existed, then it binds nobody', async () => {
      const a = await anAccount()
      const codeHash = await aCode(a.id, '2026-03-10T02:10:00.000Z')
      expect(await redeem(codeHash, unique('late'))).toEqual({ outcome: 'code-invalid' })
      expect(await redeem(unique('no-such-code'), unique('guess'))).toEqual({ outcome: 'code-invalid' })
    })

    it('when the redeeming subject is bound to another account, then the code stays unused for its rightful owner', async () => {
      const [a, b] = [await anAccount(), await anAccount()]
      const binding = aBinding(a.id)
      await store.bindStaff(binding, logOf(binding))
      const codeHash = await aCode(b.id)
      expect(await redeem(codeHash, binding.subject)).toEqual({ outcome: 'subject-taken' })
      expect(await redeem(codeHash, 'openid-owner')).toMatchObject({ outcome: 'bound', binding: { staffId: b.id } })
    })

    it('when an account is disabled, then it reads back disabled, and one never disabled has no disabledAt', async () => {
      const a = await anAccount()
      expect(await store.getStaff(a.id)).toEqual(a)
      await store.saveStaff({ ...a, disabledAt: LATER })
      expect(await store.getStaff(a.id)).toEqual({ ...a, disabledAt: LATER })
    })

    it('when accounts and sites are listed, then each saved one is there, accounts by username and sites by name', async () => {
      const [b, a] = [await anAccount({ username: unique('zz-list') }), await anAccount({ username: unique('aa-list') })]
      const names = (await store.listStaffAccounts()).map((x) => x.username)
      expect(names.filter((n) => n === a.username || n === b.username)).toEqual([a.username, b.username])
      expect(await store.listStaffAccounts()).toContainEqual(a)
      const [late, early] = [aSite({ name: '中山路站' }), aSite({ name: '七星广场' })]
      await store.saveSite(late)
      await store.saveSite(early)
      const sites = (await store.listSites()).filter((s) => s.id === late.id || s.id === early.id)
      expect(sites.map((s) => s.id)).toEqual([early, late].sort((x, y) => (x.name < y.name ? -1 : 1)).map((s) => s.id))
      expect(sites).toContainEqual(early)
    })

    it('when two tries swap the failure count from the same value, then only the first is counted', async () => {
      const key = unique('account:')
      const one = { failures: 1, lastFailureAt: AT, lockedUntil: null }
      expect(await store.swapLoginFailures(key, null, one)).toBe(true)
      expect(await store.swapLoginFailures(key, null, one)).toBe(false)
      const two = { failures: 2, lastFailureAt: LATER, lockedUntil: null }
      const raced = await Promise.all([store.swapLoginFailures(key, one, two), store.swapLoginFailures(key, one, two)])
      expect(raced.filter(Boolean)).toHaveLength(1)
      expect(await store.getLoginFailures(key)).toEqual(two)
      expect(await store.swapLoginFailures(key, one, { ...two, failures: 3 })).toBe(false)
    })

    it('when failed sign-ins are recorded, then they read back, and clearing forgets them', async () => {
      const key = unique('account:')
      expect(await store.getLoginFailures(key)).toBeNull()
      await store.setLoginFailures(key, { failures: 5, lastFailureAt: AT, lockedUntil: LATER })
      expect(await store.getLoginFailures(key)).toEqual({ failures: 5, lastFailureAt: AT, lockedUntil: LATER })
      await store.setLoginFailures(key, { failures: 6, lastFailureAt: LATER, lockedUntil: null })
      expect(await store.getLoginFailures(key)).toEqual({ failures: 6, lastFailureAt: LATER, lockedUntil: null })
      await store.setLoginFailures(key, null)
      expect(await store.getLoginFailures(key)).toBeNull()
    })
  })
}
