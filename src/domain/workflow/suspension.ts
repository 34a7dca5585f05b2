import { z } from 'zod'
import { fail, ok, type Result } from '../errors'
import { formatShanghaiDateTime } from '../time'

// 中止调解 (docs/domain.md "Suspension"): the station puts a mediation on hold while something outside
// the parties' hands is awaited, and resumes it when that arrives. While suspended, the mediation and
// completion clocks pause (clocks/clock-pause.ts); the station neither records an agreement nor ends the
// mediation until it resumes (so the record always says when the wait was over). Whether a case is
// suspended is read from its timeline — the last suspension with no resumption after it — so nothing
// new is stored on the case.

export const SUSPENSION_GROUNDS = ['party_unreachable', 'awaiting_inspection', 'other'] as const
export type SuspensionGround = (typeof SUSPENSION_GROUNDS)[number]

export const SUSPENSION_GROUND_LABELS: Record<SuspensionGround, string> = {
  party_unreachable: '当事人无法联系',
  awaiting_inspection: '等待检验检测报告',
  other: '其他',
}

export const SuspensionDetailsSchema = z.object({
  kind: z.literal('suspension'),
  ground: z.enum(SUSPENSION_GROUNDS, { error: '请选择中止原因' }),
})
export type SuspensionDetails = z.infer<typeof SuspensionDetailsSchema>

/** Written by the server on resuming: how long the mediation was on hold. */
export const ResumptionDetailsSchema = z.object({
  kind: z.literal('resumption'),
  suspendedAt: z.iso.datetime({ offset: true }),
})
export type ResumptionDetails = z.infer<typeof ResumptionDetailsSchema>

export const describeSuspension = (d: SuspensionDetails) => `中止原因：${SUSPENSION_GROUND_LABELS[d.ground]}`
export const describeResumption = (d: ResumptionDetails) =>
  `${formatShanghaiDateTime(d.suspendedAt)} 起中止的调解已恢复，调解和办结期限按中止前剩余的时间顺延`

/**
 * The suspension's details from what the station sent: a listed ground, or none (then the reason text
 * is the ground, 其他). "Other" must say what, in the reason.
 */
export function suspensionOf(sent: SuspensionDetails | null, reason: string): Result<SuspensionDetails> {
  const details: SuspensionDetails = sent ?? { kind: 'suspension', ground: 'other' }
  if (details.ground === 'other' && reason.trim() === '') return fail('VALIDATION_FAILED', { reason: '请填写中止原因' })
  return ok(details)
}

/** The suspension still in force, read from the timeline: the last one with no resumption after it. */
export function suspensionInForce<E extends { type: string; at: string }>(events: readonly E[]): E | null {
  for (let i = events.length - 1; i >= 0; i--) {
    if (events[i].type === 'mediation_resumed') return null
    if (events[i].type === 'mediation_suspended') return events[i]
  }
  return null
}

export const isSuspended = (events: readonly { type: string; at: string }[]): boolean => suspensionInForce(events) !== null
