import { timerInstant } from '../../cloudfunctions/runtime/timer-instant'
import { wxContext } from '../support/cloud-context'

// The clock and notify functions take the minute a CloudBase timer fired for; a client that invokes
// them with a timer-shaped event of its own must not move any clock.
const TIMER = { Type: 'Timer', TriggerName: 'every-minute', Time: '2030-01-01T00:30:00Z', Message: '' }
const envOf = (vars: Record<string, string>) => ({ request_id: 'r', environment: JSON.stringify(vars) })
const isNow = (d: Date) => d.getTime() < Date.parse(TIMER.Time) // the call's own clock, not the named 2030

test('when CloudBase fires the timer, then the run is for the minute its event names', () => {
  expect(timerInstant(TIMER, { request_id: 'timer' }).toISOString()).toBe('2030-01-01T00:30:00.000Z')
  expect(timerInstant(TIMER, undefined).toISOString()).toBe('2030-01-01T00:30:00.000Z')
})

test.each([
  ['a mini-program user', wxContext('o-someone')],
  ['a web user', envOf({ TCB_CONTEXT_KEYS: 'TCB_UUID', TCB_UUID: 'uuid-1' })],
  ['a custom-login user', envOf({ TCB_CONTEXT_KEYS: 'TCB_CUSTOM_USER_ID', TCB_CUSTOM_USER_ID: 'user-1' })],
  ['the HTTP access service', envOf({ TCB_CONTEXT_KEYS: 'TCB_HTTP_CONTEXT', TCB_HTTP_CONTEXT: '{}' })],
])('when %s sends a timer-shaped event, then its Time is ignored', (_who, context) => {
  expect(isNow(timerInstant(TIMER, context))).toBe(true)
})

test('when the event is not a timer or its Time is unreadable, then the run is for now', () => {
  expect(isNow(timerInstant({ action: 'tick' }, undefined))).toBe(true)
  expect(isNow(timerInstant({ ...TIMER, Time: 'soon' }, undefined))).toBe(true)
})
