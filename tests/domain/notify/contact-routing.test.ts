import fc from 'fast-check'
import {
  CONTACT_CHANNELS,
  maskTarget,
  normalizeTarget,
  type ContactRule,
  type ContactScope,
} from '../../../src/domain/notify/contact.schema'
import { contactsFor, SCOPE_RANK, scopeCovers, type CaseWhere, type RoutingQuestion } from '../../../src/domain/notify/contact-routing'
import { deploymentDefaultContacts } from '../../../src/domain/notify/deployment-defaults'
import { EVENT_CLASSES, eventClassOf } from '../../../src/domain/notify/event-class'
import { robotMarkdownFor } from '../../../src/domain/notify/robot-markdown'
import { allTemplateKeys, NOTIFY_ROLES } from '../../../src/domain/notify/template-keys'

const A: CaseWhere = { siteId: 'site-a', areaId: 'xihu' }
const redCardAtA: RoutingQuestion = { where: A, role: 'station', eventClass: 'overdue' }
const rule = (scope: ContactScope, target: string, over: Partial<ContactRule> = {}): ContactRule => ({
  scope,
  roles: ['station', 'regulator'],
  events: ['overdue', 'escalation'],
  channel: 'wecom',
  target,
  ...over,
})
const siteA = { kind: 'site', siteId: 'site-a' } as const
const areaXihu = { kind: 'area', areaId: 'xihu' } as const
const everywhere = { kind: 'default' } as const
const targets = (rules: ContactRule[]) => rules.map((r) => r.target).sort()

describe('event classes', () => {
  it.each([
    ['station.submitted', 'new_case'],
    ['merchant.submitted', 'new_case'],
    ['station.escalated', 'escalation'],
    ['regulator.escalated', 'escalation'],
    ['clock.merchant_response.overdue', 'overdue'],
    ['clock.completion.reminded', 'reminder'],
    ['clock.completion.urged', 'reminder'],
    ['consumer.accepted', 'status_update'],
    ['station.closed', 'status_update'],
  ])('when the key is %s, then the class is %s', (key, cls) => {
    expect(eventClassOf(key)).toBe(cls)
  })

  it('when a key is not one the workflow produces, then it has no class (and so no contact)', () => {
    expect(eventClassOf('station.overdue')).toBeNull()
    expect(eventClassOf('clock.nope.overdue')).toBeNull()
  })

  it('when every key the workflow can produce is classed, then each gets a class and each class is used', () => {
    const classes = allTemplateKeys().map(eventClassOf)
    expect(classes).not.toContain(null)
    expect(new Set(classes)).toEqual(new Set(EVENT_CLASSES))
  })
})

describe('contact routing', () => {
  it("when a site has its own group, then its red card goes there and not to the area's or the deployment's", () => {
    const stored = [rule(siteA, 'site-a-group'), rule(areaXihu, 'xihu-group'), rule(everywhere, 'all-group')]
    expect(targets(contactsFor(stored, [], redCardAtA))).toEqual(['site-a-group'])
  })

  it("when another site of the area has no rule of its own, then the area's group hears it", () => {
    const stored = [rule(siteA, 'site-a-group'), rule(areaXihu, 'xihu-group'), rule(everywhere, 'all-group')]
    const siteC = { where: { siteId: 'site-c', areaId: 'xihu' }, role: 'station', eventClass: 'overdue' } as const
    expect(targets(contactsFor(stored, [], siteC))).toEqual(['xihu-group'])
  })

  it('when a site belongs to no area, then an area rule never applies to it', () => {
    const stored = [rule(areaXihu, 'xihu-group')]
    expect(contactsFor(stored, [], { ...redCardAtA, where: { siteId: 'site-z', areaId: null } })).toEqual([])
  })

  it('when nothing stored covers a message, then the fallback does, under the same role and class test', () => {
    const env = deploymentDefaultContacts({ wecomKey: 'env-robot-key' })
    expect(targets(contactsFor([], env, redCardAtA))).toEqual(['env-robot-key'])
    expect(contactsFor([], env, { ...redCardAtA, eventClass: 'status_update' })).toEqual([])
    expect(contactsFor([], env, { ...redCardAtA, role: 'merchant' })).toEqual([])
    expect(contactsFor([], deploymentDefaultContacts({}), redCardAtA)).toEqual([])
  })

  it('when a stored contact covers the message, then the env fallback stays silent on that channel', () => {
    const env = deploymentDefaultContacts({ wecomKey: 'env-robot-key' })
    expect(targets(contactsFor([rule(everywhere, 'stored-default')], env, redCardAtA))).toEqual(['stored-default'])
  })

  it("when a site adds a duty phone, then the area's group still hears (channels are decided separately)", () => {
    const stored = [rule(siteA, '13900001111', { channel: 'sms' }), rule(areaXihu, 'xihu-group')]
    expect(targets(contactsFor(stored, [], redCardAtA))).toEqual(['13900001111', 'xihu-group'])
  })

  it('when two contacts at the same level name the same group, then it is posted to once', () => {
    const stored = [rule(siteA, 'same-group'), rule(siteA, 'same-group', { events: ['overdue'] })]
    expect(contactsFor(stored, [], redCardAtA)).toHaveLength(1)
  })

  it('when the rules are any set of contacts, then every chosen one hears the message and none is beaten by a more specific one', () => {
    const scope = fc.constantFrom<ContactScope>(
      siteA,
      { kind: 'site', siteId: 'site-b' },
      areaXihu,
      { kind: 'area', areaId: 'binjiang' },
      everywhere,
    )
    const aRule = fc.record({
      scope,
      roles: fc.subarray([...NOTIFY_ROLES], { minLength: 1 }),
      events: fc.subarray([...EVENT_CLASSES], { minLength: 1 }),
      channel: fc.constantFrom(...CONTACT_CHANNELS),
      target: fc.constantFrom('t1', 't2', 't3', 't4'),
    })
    const question = fc.record({
      where: fc.constantFrom<CaseWhere>(A, { siteId: 'site-b', areaId: null }, { siteId: 'site-c', areaId: 'xihu' }),
      role: fc.constantFrom(...NOTIFY_ROLES),
      eventClass: fc.constantFrom(...EVENT_CLASSES),
    })
    fc.assert(
      fc.property(fc.array(aRule, { maxLength: 8 }), fc.array(aRule, { maxLength: 3 }), question, (stored, fallback, q) => {
        const chosen = contactsFor(stored, fallback, q)
        const hears = (r: ContactRule) => scopeCovers(r.scope, q.where) && r.roles.includes(q.role) && r.events.includes(q.eventClass)
        for (const c of chosen) {
          expect(hears(c)).toBe(true)
          const sameChannel = stored.filter((r) => r.channel === c.channel && hears(r))
          if (sameChannel.length === 0) expect(fallback).toContain(c)
          else expect(sameChannel.every((r) => SCOPE_RANK[r.scope.kind] >= SCOPE_RANK[c.scope.kind])).toBe(true)
        }
        // every channel that some stored or fallback contact covers gets at least one contact
        for (const channel of CONTACT_CHANNELS) {
          const any = [...stored, ...fallback].some((r) => r.channel === channel && hears(r))
          expect(chosen.some((c) => c.channel === channel)).toBe(any)
        }
        // the order rules were stored in does not matter
        expect(targets(contactsFor([...stored].reverse(), fallback, q))).toEqual(targets(chosen))
      }),
    )
  })
})

describe('contact targets', () => {
  it('when a whole webhook address is pasted, then the key is taken from it', () => {
    const key = '693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa'
    expect(normalizeTarget('wecom', `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${key}`)).toBe(key)
    expect(normalizeTarget('wecom', ` ${key} `)).toBe(key)
    expect(normalizeTarget('wecom', 'key with spaces')).toBeNull()
  })

  it('when a phone is typed the way people type it, then it is stored as 11 digits', () => {
    expect(normalizeTarget('sms', '+86 139 0000 1111')).toBe('13900001111')
    expect(normalizeTarget('sms', '12345')).toBeNull()
  })

  it('when any target is masked, then at most its last four characters show', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 80 }), (t) => {
        const masked = maskTarget(t)
        expect(masked.startsWith('****')).toBe(true)
        expect(masked.slice(4)).toBe(t.slice(-4))
      }),
    )
  })

  it('when a rendered message is turned into robot markdown, then the title is bold above the body', () => {
    expect(robotMarkdownFor({ title: '【红牌】办结已超时', body: '第一行\n第二行' })).toBe('**【红牌】办结已超时**\n第一行\n第二行')
  })
})
