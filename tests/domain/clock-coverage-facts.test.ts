import { advanceClock, type CaseClock } from '../../src/domain/clocks/case-clock'
import { availableActions, decide, initialWorkflowState, type WorkflowState } from '../../src/domain/workflow/state-machine'
import { isSuspended } from '../../src/domain/workflow/suspension'

// The steps tied to a clock or to a suspension, decided from facts read off the timeline and the clocks
// (suspension-facts.ts): offered exactly while they make sense, and refused otherwise.
const mediating: WorkflowState = { ...initialWorkflowState('complex'), status: 'mediating' }
const ev = (type: string) => ({ type, at: '2026-03-10T02:00:00.000Z' })

describe('steps that follow a clock or a suspension', () => {
  it('when a mediation is suspended, then only resuming (and what needs no mediation) is offered; before, suspending is', () => {
    const before = availableActions(mediating, 'station', { suspended: false })
    expect(before).toEqual(expect.arrayContaining(['suspend', 'mediate', 'endMediation', 'extend']))
    expect(before).not.toContain('resume')
    const during = availableActions(mediating, 'station', { suspended: true })
    expect(during).toContain('resume')
    for (const held of ['suspend', 'mediate', 'endMediation', 'extend']) expect(during).not.toContain(held)
    expect(decide(mediating, 'resume', 'station', {}, { suspended: false })).toMatchObject({
      ok: false,
      error: { code: 'ILLEGAL_TRANSITION' },
    })
    expect(availableActions(mediating, 'consumer', { suspended: true })).toContain('withdraw')
  })

  it('when the timeline has a suspension and then a resumption, then the case is suspended only in between', () => {
    expect(isSuspended([ev('submitted'), ev('station_mediation')])).toBe(false)
    expect(isSuspended([ev('station_mediation'), ev('mediation_suspended')])).toBe(true)
    expect(isSuspended([ev('mediation_suspended'), ev('mediation_resumed')])).toBe(false)
    expect(isSuspended([ev('mediation_suspended'), ev('mediation_resumed'), ev('mediation_suspended')])).toBe(true)
  })

  it('when the 2-hour clock after a 退回 runs, then 已答复投诉人 is offered to the station, from wherever the case stands; otherwise never', () => {
    for (const status of ['received', 'transferred', 'accepted'] as const) {
      const state = { ...initialWorkflowState(), status }
      expect(availableActions(state, 'station', { runningClocks: ['answer_after_return'] })).toContain('answerComplainant')
      expect(availableActions(state, 'station', { runningClocks: ['first_answer'] })).not.toContain('answerComplainant')
      expect(availableActions(state, 'regulator', { runningClocks: ['answer_after_return'] })).not.toContain('answerComplainant')
    }
    const received = initialWorkflowState()
    expect(decide(received, 'answerComplainant', 'station', { reason: '' }, { runningClocks: ['answer_after_return'] })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    })
    expect(availableActions(received, 'station', { runningClocks: ['case_number'] })).toContain('notifyCaseNumber')
    expect(availableActions(received, 'station', {})).not.toContain('notifyCaseNumber')
  })

  it('when the tick meets a paused clock, then it owes nothing and has nothing more to check', () => {
    const paused: CaseClock = {
      caseId: 'c1',
      clockId: 'mediation',
      startedAt: '2026-03-10T02:00:00.000Z',
      dueAt: '2026-03-11T16:00:00.000Z',
      remindAt: '2026-03-10T20:00:00.000Z',
      urgeAt: '2026-03-11T08:00:00.000Z',
      explanation: '',
      provisional: false,
      stage: 'running',
      nextCheckAt: '2026-03-10T20:00:00.000Z', // read by a tick just before the pause was written
      stoppedAt: null,
      pausedAt: '2026-03-10T03:00:00.000Z',
    }
    expect(advanceClock(paused, new Date('2026-04-01T00:00:00Z'))).toEqual({ next: { ...paused, nextCheckAt: null }, alerts: [] })
  })
})
