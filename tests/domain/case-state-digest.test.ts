import { createHash, createHmac } from 'node:crypto'
import type { Case } from '../../src/domain/case.schema'
import { caseStateDigest, stateMismatches, STATE_GROUPS } from '../../src/domain/workflow/case-state-digest'
import { eventHashInput } from '../../src/domain/workflow/event-chain'
import { aCase, aMerchant, aSite, aSubmittedEvent } from '../support/builders'

// The digest each event keeps of the case row it left behind (issue 12): keyed, grouped so a
// verification can name what changed, and blind to how an instant or an object happened to be written.
const mac = (text: string) => createHmac('sha256', Buffer.alloc(32, 5)).update(text).digest('hex')
const otherKey = (text: string) => createHmac('sha256', Buffer.alloc(32, 6)).update(text).digest('hex')
const c = aCase(aMerchant(aSite()), { complainant: { name: '张三', phone: '13800138000', address: '西湖区1号' }, amountFen: 12800 })

/** A value of the same type as the field's, but different. */
function changed(field: keyof Case, value: unknown): unknown {
  if (typeof value === 'boolean') return !value
  if (typeof value === 'number') return value + 1
  if (field === 'createdAt' || field === 'updatedAt') return '2027-01-01T00:00:00.000Z'
  if (typeof value === 'string') return `${value}改`
  if (value === null) return field === 'amountFen' ? 1 : field === 'complainant' ? { name: '李四', phone: '', address: '' } : 'settled'
  if (Array.isArray(value)) return [...value, 'apology']
  return typeof value === 'object' ? { ...value, version: 'changed' } : value
}

describe('case-state digest', () => {
  it('when nothing changed, then no group differs', () => {
    expect(stateMismatches(caseStateDigest(c, mac), c, mac)).toEqual([])
  })

  it.each(Object.entries(STATE_GROUPS).flatMap(([, g]) => g.fields.map((f) => [f, g.label] as const)))(
    'when %s changes, then the group 「%s」 is named, and only it',
    (field, label) => {
      const stored = caseStateDigest(c, mac)
      expect(stateMismatches(stored, { ...c, [field]: changed(field, c[field]) }, mac)).toEqual([label])
    },
  )

  it('when an instant is written with another offset or the consent object in another key order, then the digest is the same', () => {
    const same = {
      ...c,
      createdAt: c.createdAt.replace('T02:', 'T10:').replace('.000Z', '.000+08:00'),
      consent: { attestedBy: c.consent.attestedBy, mode: c.consent.mode, at: c.consent.at, version: c.consent.version },
    }
    expect(caseStateDigest(same, mac)).toBe(caseStateDigest(c, mac))
  })

  it('when the case number, idempotency key or request digest change, then the digest does not (drawn by the store / retry plumbing)', () => {
    const renumbered: Case = { ...c, caseNo: 'KS-X', idempotencyKey: 'other', requestDigest: 'other' }
    expect(caseStateDigest(renumbered, mac)).toBe(caseStateDigest(c, mac))
  })

  it('when checked with another key, then every group differs; when the stored text is mangled, then it is unreadable', () => {
    expect(stateMismatches(caseStateDigest(c, mac), c, otherKey)).toHaveLength(Object.keys(STATE_GROUPS).length)
    expect(stateMismatches('s1;status=00', c, mac)).toBeNull()
    expect(stateMismatches('s9;whatever', c, mac)).toBeNull()
  })

  it('when the digest is read, then it does not contain the phone, even hashed without the key', () => {
    const stored = caseStateDigest(c, mac)
    expect(stored).not.toContain('13800138000')
    expect(stored).not.toContain(createHash('sha256').update('13800138000').digest('hex').slice(0, 16))
  })
})

describe('event hash input', () => {
  const e = aSubmittedEvent(c)

  it('when an event has no state digest, then it is hashed exactly as before issue 12 (older events keep their hashes)', () => {
    expect(eventHashInput(e)).toBe(JSON.stringify([e.caseId, 1, 'submitted', 'consumer', c.filedBy, e.at, null, e.prevHash]))
  })

  it('when an event has a state digest, then the hash covers it', () => {
    const withState = { ...e, stateDigest: caseStateDigest(c, mac) }
    expect(eventHashInput(withState)).toBe(
      JSON.stringify([e.caseId, 1, 'submitted', 'consumer', c.filedBy, e.at, null, e.prevHash, [], null, withState.stateDigest]),
    )
  })
})
