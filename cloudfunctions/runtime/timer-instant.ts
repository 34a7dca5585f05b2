import tcb from '@cloudbase/node-sdk'
import { z } from 'zod'

// CloudBase's timer trigger sends { Type: 'Timer', TriggerName, Time: '2026-03-10T02:30:00Z', Message }:
// the minute the run was scheduled for. The clock and notify functions take that as their `now`, so a
// run is about the minute it was fired for (and a rehearsal can fire a timer at a chosen minute).
const TimerEventSchema = z.object({ Type: z.literal('Timer'), Time: z.iso.datetime({ offset: true }) })

/**
 * The instant a timer run is for, or the system clock's now. Only a call that carries no caller is
 * believed: a mini-program or web client may invoke any function of the environment with any event,
 * and must not move the clocks by naming a time (its call carries WX_OPENID, TCB_UUID or an HTTP context).
 */
export function timerInstant(event: unknown, context: unknown): Date {
  const parsed = TimerEventSchema.safeParse(event)
  if (!parsed.success || hasCaller(context)) return new Date()
  return new Date(parsed.data.Time)
}

function hasCaller(context: unknown): boolean {
  const c = context as { environment?: unknown; environ?: unknown } | null
  const usable = !!c && typeof c === 'object' && (typeof c.environment === 'string' || typeof c.environ === 'string')
  type SdkContext = Parameters<typeof tcb.getCloudbaseContext>[0]
  const seen = tcb.getCloudbaseContext(usable ? (context as SdkContext) : undefined)
  // a WeChat user, a web user (anonymous or custom login), or anyone through the HTTP access service
  return [seen.WX_OPENID, seen.QQ_OPENID, seen.TCB_UUID, seen.TCB_CUSTOM_USER_ID, seen.TCB_HTTP_CONTEXT].some((v) => !!v)
}
