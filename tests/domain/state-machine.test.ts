import fc from 'fast-check'
import { CASE_STATUSES, type CaseStatus } from '../../src/domain/case.schema'
import { COMPLETION_KINDS } from '../../src/domain/clocks/clock-rules'
import type { EventDetails } from '../../src/domain/workflow/event-details'
import { availableActions, decide, initialWorkflowState, type WorkflowState } from '../../src/domain/workflow/state-machine'
import { CASE_ACTIONS, FINAL_STATUSES, type ActorRole, type CaseAction } from '../../src/domain/workflow/transitions'

const ROLES: ActorRole[] = ['consumer', 'merchant', 'station', 'proxy', 'regulator', 'system']

/** Every (role, action) the machine offers now; moves into a dead end only when `ending` is set. */
function legalMoves(state: WorkflowState, ending: boolean): [ActorRole, CaseAction][] {
  const all = ROLES.flatMap((role) => availableActions(state, role).map((a): [ActorRole, CaseAction] => [role, a]))
  const alive = all.filter(([, a]) => !['reject', 'transfer', 'withdraw'].includes(a))
  return ending || alive.length === 0 ? all : alive
}

const OFFER: EventDetails = { kind: 'offer', remedy: 'refund', amountFen: 12800, note: '' }
const rating = (satisfied: boolean): EventDetails => ({ kind: 'rating', speed: 4, professionalism: 4, attitude: 5, satisfied, comment: '' })
const visit = (satisfied: boolean): EventDetails => ({
  kind: 'return_visit',
  knowsResult: true,
  promiseKept: satisfied,
  satisfied,
  improve: '',
  unresolved: '',
})

/** The details a step must carry, as a person would fill them in. */
function detailsFor(action: CaseAction, satisfied = true): EventDetails | null {
  if (action === 'answer') return satisfied ? OFFER : { kind: 'refusal', note: '商品已使用，不能退' }
  if (action === 'rate') return rating(satisfied)
  if (action === 'returnVisit') return visit(satisfied)
  // 调解成功 records what was agreed (the day to perform is checked against the clock by the service)
  if (action === 'mediate') return { kind: 'agreement', terms: '退款128元，三日内到账', amountFen: 12800, performBy: '2099-01-01' }
  // 不予受理 names its ground, 转办 its destination (not-accepted.ts, transfer.ts)
  if (action === 'reject') return { kind: 'not_accepted', reason: 'civil_dispute' }
  if (action === 'transfer')
    return { kind: 'transfer', destination: 'department', toSiteId: '', toName: '区人力资源和社会保障局', fromSiteId: '' }
  // 快速响应 names its ground and who goes (fast-track.ts); the check-in and a report's finding are written by the server
  if (action === 'fastTrack') return { kind: 'fast_track', reason: 'on_site_dispute', onSite: 'team', staffId: 'st-a', staffName: '星河站' }
  if (action === 'staffCheckIn') return { kind: 'team_check_in', located: false }
  if (action === 'concludeReport') return { kind: 'report_finding', violationFound: satisfied, note: '' }
  return null
}

function run(steps: [CaseAction, ActorRole, string][], start = initialWorkflowState()): WorkflowState {
  let state = start
  for (const [action, role, reason] of steps) {
    const d = decide(state, action, role, { reason, details: detailsFor(action, !reason.includes('不满意')) })
    if (!d.ok) throw new Error(`${action} by ${role} from ${state.status}: ${d.error.code}`)
    state = d.data.next
  }
  return state
}

describe('case state machine', () => {
  it('when the parties settle, then the case closes with the outcome "settled"', () => {
    const end = run([
      ['accept', 'station', ''],
      ['dispatch', 'station', ''],
      ['answer', 'merchant', ''],
      ['checkIn', 'merchant', ''],
      ['acceptOffer', 'consumer', ''],
      ['close', 'system', ''],
    ])
    expect(end).toMatchObject({ status: 'closed', reopenCount: 0, outcome: 'settled', answerKind: 'offer', onSitePending: false })
  })

  it('when mediation fails, then the closure says so: closed is not resolved', () => {
    const end = run([
      ['accept', 'regulator', ''],
      ['dispatch', 'station', ''],
      ['escalate', 'system', '商家45分钟未响应'],
      ['endMediation', 'station', '双方差距过大'],
      ['close', 'station', ''],
    ])
    expect(end.outcome).toBe('mediation_failed')
  })

  it('when a closed case is reopened once after an unsatisfied return visit, then a second reopening is refused', () => {
    const settle: [CaseAction, ActorRole, string][] = [
      ['dispatch', 'station', ''],
      ['answer', 'merchant', ''],
      ['acceptOffer', 'consumer', ''],
      ['close', 'station', ''],
    ]
    const closed = run([['accept', 'station', ''], ...settle])
    expect(decide(closed, 'reopen', 'station', { reason: '想重新处理' })).toMatchObject({
      ok: false,
      error: { code: 'ILLEGAL_TRANSITION' },
    }) // nobody said unsatisfied
    const visited = run([['returnVisit', 'station', '不满意']], closed)
    const reopened = decide(visited, 'reopen', 'station', { reason: '回访不满意' })
    expect(reopened).toMatchObject({
      ok: true,
      data: { next: { status: 'accepted', reopenCount: 1, outcome: null, satisfaction: null, rated: false } },
    })
    const closedAgain = run([
      ['accept', 'station', ''],
      ...settle,
      ['rate', 'consumer', '不满意'],
      ['reopen', 'station', '回访不满意'],
      ...settle,
      ['rate', 'consumer', '还是不满意'],
    ])
    expect(closedAgain).toMatchObject({ status: 'closed', reopenCount: 1, outcome: 'settled', satisfaction: 'unsatisfied' })
    expect(decide(closedAgain, 'reopen', 'station', { reason: '又不满意' })).toMatchObject({
      ok: false,
      error: { code: 'ILLEGAL_TRANSITION' },
    })
  })

  it('when the shopper rated a closure, then a second rating of the same closure is refused', () => {
    const closed = run([
      ['accept', 'station', ''],
      ['dispatch', 'station', ''],
      ['answer', 'merchant', ''],
      ['acceptOffer', 'consumer', ''],
      ['close', 'station', ''],
    ])
    const rated = run([['rate', 'consumer', '']], closed)
    expect(rated).toMatchObject({ rated: true, satisfaction: 'satisfied' })
    expect(decide(rated, 'rate', 'consumer', { details: rating(false) })).toMatchObject({
      ok: false,
      error: { code: 'ILLEGAL_TRANSITION' },
    })
    expect(decide(closed, 'rate', 'consumer', {})).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', fields: { details: '请完成评价' } },
    })
  })

  it('when the merchant refused, then the shopper can ask for mediation but cannot "accept" the refusal', () => {
    const refused = run([
      ['accept', 'station', ''],
      ['dispatch', 'station', ''],
      ['answer', 'merchant', '不满意'],
    ])
    expect(refused.answerKind).toBe('refusal')
    expect(availableActions(refused, 'consumer')).toEqual(expect.arrayContaining(['refuseOffer', 'withdraw']))
    expect(availableActions(refused, 'consumer')).not.toContain('acceptOffer')
  })

  it('when an on-site visit is required, then it cannot be required again until the check-in', () => {
    const dispatched = run([
      ['accept', 'station', ''],
      ['dispatch', 'station', ''],
      ['requireOnSite', 'station', ''],
    ])
    expect(dispatched.onSitePending).toBe(true)
    expect(availableActions(dispatched, 'station')).not.toContain('requireOnSite')
    const checkedIn = run([['checkIn', 'merchant', '']], dispatched)
    expect(checkedIn.onSitePending).toBe(false)
    expect(availableActions(checkedIn, 'station')).toContain('requireOnSite')
  })

  it('when a case is complex, then the station may extend it exactly once; other kinds never', () => {
    const complex = run([['accept', 'station', '']], initialWorkflowState('complex'))
    expect(decide(complex, 'extend', 'station', {})).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } }) // a reason is required
    const extended = run([['extend', 'station', '需要第三方检测']], complex)
    expect(decide(extended, 'extend', 'station', { reason: '再延' })).toMatchObject({ ok: false, error: { code: 'EXTENSION_NOT_ALLOWED' } })
    const goods = run([['accept', 'station', '']])
    expect(decide(goods, 'extend', 'station', { reason: '需要检测' })).toMatchObject({
      ok: false,
      error: { code: 'EXTENSION_NOT_ALLOWED' },
    })
    const madeComplex = decide(initialWorkflowState(), 'accept', 'station', { completionKind: 'complex' })
    expect(madeComplex).toMatchObject({ ok: true, data: { next: { completionKind: 'complex' } } })
  })

  it.each([
    [{ status: 'received' }, 'answer', 'merchant', 'ILLEGAL_TRANSITION'],
    [{ status: 'received' }, 'accept', 'merchant', 'FORBIDDEN'],
    [{ status: 'received' }, 'accept', 'proxy', 'FORBIDDEN'],
    [{ status: 'withdrawn' }, 'accept', 'station', 'ILLEGAL_TRANSITION'],
    [{ status: 'closed' }, 'withdraw', 'consumer', 'ILLEGAL_TRANSITION'],
    [{ status: 'received' }, 'reject', 'station', 'VALIDATION_FAILED'], // 不予受理 needs a reason
  ])('when %j gets %s by %s, then %s', (partial, action, role, code) => {
    const state = { ...initialWorkflowState(), ...partial } as WorkflowState
    expect(decide(state, action as CaseAction, role as ActorRole, {})).toMatchObject({ ok: false, error: { code } })
  })

  it('when a consumer looks at an open case, then withdrawing is always offered', () => {
    for (const status of ['received', 'accepted', 'with_merchant', 'merchant_answered', 'mediating'] as CaseStatus[]) {
      expect(availableActions({ ...initialWorkflowState(), status }, 'consumer')).toContain('withdraw')
    }
  })

  it('when random actors try random actions, then no sequence reaches an illegal state', () => {
    // Half the steps are legal moves (mostly ones that keep the case alive, so its whole life gets
    // walked), half are anything at all by anyone.
    const step = fc.record({
      role: fc.constantFrom(...ROLES),
      legal: fc.boolean(),
      pick: fc.nat(),
      action: fc.constantFrom(...CASE_ACTIONS),
      reason: fc.constantFrom('', '理由'),
      satisfied: fc.boolean(),
      details: fc.boolean(),
    })
    const reached = new Set<CaseStatus>()
    fc.assert(
      fc.property(fc.constantFrom(...COMPLETION_KINDS), fc.array(step, { maxLength: 40 }), (kind, steps) => {
        let state = initialWorkflowState(kind)
        for (const { role: anyRole, legal, pick, action: anyAction, reason, satisfied, details } of steps) {
          const moves = legalMoves(state, pick % 8 === 0)
          const [role, action] = legal && moves.length ? moves[pick % moves.length] : [anyRole, anyAction]
          const before = state
          const input = legal
            ? { reason: '理由', details: detailsFor(action, satisfied) }
            : { reason, details: details ? detailsFor(action, satisfied) : null }
          const d = decide(state, action, role, input)
          if (!d.ok) {
            expect(['FORBIDDEN', 'ILLEGAL_TRANSITION', 'VALIDATION_FAILED', 'EXTENSION_NOT_ALLOWED']).toContain(d.error.code)
            expect(legal && moves.length > 0).toBe(false) // an offered action is always allowed
            continue
          }
          state = d.data.next
          reached.add(state.status)
          expect(CASE_STATUSES).toContain(state.status)
          expect(state.reopenCount).toBeLessThanOrEqual(1)
          expect(state.status === 'closed').toBe(state.outcome !== null) // every closure has an outcome, and only closures
          // a final state never changes status again, except a closed case being reopened (a
          // closed case still takes its rating and return visit, which leave it closed)
          if (FINAL_STATUSES.includes(before.status) && state.status !== before.status)
            expect(before.status === 'closed' && action === 'reopen').toBe(true)
          if (action === 'reopen') expect(before.satisfaction).toBe('unsatisfied') // only after someone said so
          if (action === 'extend') expect(before.completionKind === 'complex' && !before.extended).toBe(true)
        }
      }),
      // a fixed seed: the check below (every status reached) must not depend on a lucky draw; a CI run once
      // missed `settled` with a random seed. KS_FC_SEED explores other draws by hand.
      { numRuns: 1000, seed: Number(process.env.KS_FC_SEED ?? 20261205) },
    )
    // the generator really walked the whole life of a case, so the invariants above were tested there
    // (received too: the station's fast-track decision is a step that leaves a case received)
    expect([...reached].sort()).toEqual([...CASE_STATUSES].sort())
  })
})
