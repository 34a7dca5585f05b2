import { z } from 'zod'
import { SUBSCRIBE_SLOTS, type SubscribeSlot } from '../../../src/domain/notify/subscribe-messages'

// The real template ids belong to the deployment: each AppID picks its own templates from WeChat's
// library, so ids come from the environment, one variable per slot (WECHAT_TMPL_CONSUMER_ACCEPTED, …).
// A slot without an id is simply not sent by WeChat; the in-app inbox still has the message.

export const templateEnvName = (slot: SubscribeSlot) => `WECHAT_TMPL_${slot.toUpperCase()}`

// Library template ids are 43 characters of [A-Za-z0-9_-]; accept any plausible length, refuse typos
// such as spaces or quotes copied from the console.
const TemplateId = z.string().regex(/^[A-Za-z0-9_-]{8,128}$/, '模板 ID 只能包含字母、数字、下划线和短横线')

export type TemplateIds = Partial<Record<SubscribeSlot, string>>

export type TemplateIdsResult = { ok: true; ids: TemplateIds } | { ok: false; errors: Record<string, string> }

export function subscribeTemplateIds(env: Record<string, string | undefined>): TemplateIdsResult {
  const ids: TemplateIds = {}
  const errors: Record<string, string> = {}
  for (const slot of SUBSCRIBE_SLOTS) {
    const name = templateEnvName(slot)
    const raw = env[name]?.trim()
    if (!raw) continue
    const parsed = TemplateId.safeParse(raw)
    if (parsed.success) ids[slot] = parsed.data
    else errors[name] = parsed.error.issues[0]?.message ?? 'invalid'
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, ids }
}
