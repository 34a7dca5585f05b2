import { fail, ok, type Result } from '../errors'
import type { CallbackAnswers, CallbackItem, CallbackSample } from './callback.schema'

// What may happen to one sampled case (docs/callbacks.md): tries that do not get through are kept;
// the third one makes the case "unreachable" — recorded, never dropped; answers complete it. Either
// ends it: nothing changes an item that is done.
export const MAX_ATTEMPTS = 3
/** The goal for the share of the sample actually called back. */
export const CALLBACK_GOAL_PERCENT = 98

export function recordAttempt(item: CallbackItem, by: string, at: string, note: string): Result<CallbackItem> {
  if (item.status !== 'pending') return fail('CALLBACK_DONE')
  const attempts = [...item.attempts, { at, by, note }]
  if (attempts.length < MAX_ATTEMPTS) return ok({ ...item, attempts })
  return ok({ ...item, attempts, status: 'unreachable', doneBy: by, doneAt: at })
}

export function completeCallback(
  item: CallbackItem,
  answers: CallbackAnswers,
  by: string,
  at: string,
  eventId: string | null,
): Result<CallbackItem> {
  if (item.status !== 'pending') return fail('CALLBACK_DONE')
  return ok({ ...item, status: 'completed', answers, doneBy: by, doneAt: at, eventId })
}

/** A promise not kept, or not satisfied: the case should go back to the station (the reopen path). */
export const wantsReopen = (a: Pick<CallbackAnswers, 'promiseKept' | 'satisfied'>): boolean => !a.promiseKept || !a.satisfied

export interface CallbackProgress {
  sampled: number
  completed: number
  unreachable: number
  pending: number
  /** completed ÷ sampled in whole per cent (rounded down: 97.9 % does not meet 98 %); null with no sample */
  percent: number | null
  meetsGoal: boolean | null
}

/**
 * Completion of a month's sample: completed ÷ sampled. An unreachable case counts in the sample and
 * not as completed — it is shown apart, so a month with many unreachable people cannot look done.
 */
export function callbackProgress(sample: Pick<CallbackSample, 'items'>): CallbackProgress {
  const count = (s: CallbackItem['status']) => sample.items.filter((i) => i.status === s).length
  const sampled = sample.items.length
  const completed = count('completed')
  const percent = sampled === 0 ? null : Math.floor((completed * 100) / sampled)
  return {
    sampled,
    completed,
    unreachable: count('unreachable'),
    pending: count('pending'),
    percent,
    meetsGoal: sampled === 0 ? null : completed * 100 >= CALLBACK_GOAL_PERCENT * sampled,
  }
}
