import { API, FUNCTION_NAMES } from '../../src/domain/api/contract'
import { rolesOf } from '../../src/domain/identity'
import { isAllowed, POLICY } from '../../src/domain/policy'

describe('authorization policy table', () => {
  const contractActions = FUNCTION_NAMES.flatMap((fn) => Object.keys(API[fn]).map((a) => `${fn}.${a}`))

  it('when the contract has an action, then the policy table names who may call it', () => {
    const missing = contractActions.filter((key) => !(key in POLICY))
    expect(missing).toEqual([])
  })

  it('when the policy names an action, then the contract has it (no stale rows)', () => {
    const stale = Object.keys(POLICY).filter((key) => !contractActions.includes(key))
    expect(stale).toEqual([])
  })

  it('when an action is unknown or the caller has no role, then it is denied', () => {
    expect(isAllowed('consumer', 'dropAllCases', ['consumer', 'station', 'regulator'])).toBe(false)
    expect(isAllowed('consumer', 'submitComplaint', [])).toBe(false)
    expect(isAllowed('consumer', 'toString', ['consumer'])).toBe(false)
  })

  it('when roles are derived, then a device is a consumer, a bound device also a merchant, staff by their account', () => {
    expect(rolesOf({ memberships: [] })).toEqual([])
    expect(rolesOf({ subject: 's', memberships: [] })).toEqual(['consumer'])
    expect(rolesOf({ subject: 's', memberships: [{ merchantId: 'm', siteId: 'x' }] })).toEqual(['consumer', 'merchant'])
    const staff = { staffId: 'a', role: 'station' as const, siteId: 'x', displayName: '站' }
    expect(rolesOf({ subject: 's', staff, memberships: [] })).toEqual(['consumer', 'station'])
  })

  it('when a consumer or merchant asks for the station board, then the policy says no', () => {
    expect(isAllowed('station', 'listCases', ['consumer', 'merchant'])).toBe(false)
    expect(isAllowed('merchant', 'getHome', ['consumer'])).toBe(false)
    expect(isAllowed('station', 'listCases', ['proxy'])).toBe(false)
  })
})
