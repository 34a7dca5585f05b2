import fc from 'fast-check'
import { CASE_STATUSES, type CaseStatus } from '../../src/domain/case.schema'
import { availableActions, decide, initialWorkflowState, type WorkflowState } from '../../src/domain/workflow/state-machine'
import { CASE_ACTIONS, FINAL_STATUSES, type ActorRole, type CaseAction } from '../../src/domain/workflow/transitions'

const ROLES: ActorRole[] = ['consumer', 'merchant', 'station', 'proxy', 'regulator', 'system']

/** Every (role, action) the machine offers now; moves into a dead end only when `ending` is set. */
function legalMoves(state: WorkflowState, ending: boolean): [ActorRole, CaseAction][] {
  const all = ROLES.flatMap((role) => availableActions(state, role).map((a): [ActorRole, CaseAction] => [role, a]))
  const alive = all.filter(([, a]) => !['reject', 'transfer', 'withdraw'].includes(a))
  return ending || alive.length === 0 ? all : alive
}

function run(steps: [CaseAction, ActorRole, string][]): WorkflowState {
  let state = initialWorkflowState()
  for (const [action, role, reason] of steps) {
    const d = decide(state, action, role, reason)
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
    expect(end).toEqual({ status: 'closed', reopenCount: 0, outcome: 'settled' })
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
    const settle: [CaseAction, ActorRole, string][] = [['dispatch', 'station', ''], ['answer', 'merchant', ''], ['acceptOffer', 'consumer', ''], ['close', 'station', '']]
    const closed = run([['accept', 'station', ''], ...settle])
    const reopened = decide(closed, 'reopen', 'station', '回访不满意')
    expect(reopened).toMatchObject({ ok: true, data: { next: { status: 'accepted', reopenCount: 1, outcome: null } } })
    const closedAgain = run([['accept', 'station', ''], ...settle, ['reopen', 'station', '回访不满意'], ...settle])
    expect(closedAgain).toEqual({ status: 'closed', reopenCount: 1, outcome: 'settled' })
    expect(decide(closedAgain, 'reopen', 'station', '又不满意')).toMatchObject({ ok: false, error: { code: 'ILLEGAL_TRANSITION' } })
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
    expect(decide(state, action as CaseAction, role as ActorRole)).toMatchObject({ ok: false, error: { code } })
  })

  it('when a consumer looks at an open case, then withdrawing is always offered', () => {
    for (const status of ['received', 'accepted', 'with_merchant', 'merchant_answered', 'mediating'] as CaseStatus[]) {
      expect(availableActions({ status, reopenCount: 0, outcome: null }, 'consumer')).toContain('withdraw')
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
    })
    const reached = new Set<CaseStatus>()
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        let state = initialWorkflowState()
        for (const { role: anyRole, legal, pick, action: anyAction, reason } of steps) {
          const moves = legalMoves(state, pick % 8 === 0)
          const [role, action] = legal && moves.length ? moves[pick % moves.length] : [anyRole, anyAction]
          const before = state
          const d = decide(state, action, role, legal ? '理由' : reason)
          if (!d.ok) {
            expect(['FORBIDDEN', 'ILLEGAL_TRANSITION', 'VALIDATION_FAILED']).toContain(d.error.code)
            expect(legal && moves.length > 0).toBe(false) // an offered action is always allowed
            continue
          }
          state = d.data.next
          reached.add(state.status)
          expect(CASE_STATUSES).toContain(state.status)
          expect(state.reopenCount).toBeLessThanOrEqual(1)
          expect(state.status === 'closed').toBe(state.outcome !== null) // every closure has an outcome, and only closures
          // a final state never moves again, except a closed case being reopened
          if (FINAL_STATUSES.includes(before.status)) expect(before.status === 'closed' && action === 'reopen').toBe(true)
        }
      }),
      { numRuns: 1000 },
    )
    // the generator really walked the whole life of a case, so the invariants above were tested there
    expect([...reached].sort()).toEqual([...CASE_STATUSES].filter((s) => s !== 'received').sort())
  })
})
