import { CONTACT_CHANNELS, type ContactRule, type ContactScope, type ScopeKind } from './contact.schema'
import type { EventClass } from './event-class'
import type { NotifyRole } from './template-keys'

// Which contacts hear a message. The rule, per channel (WeCom group, SMS) on its own:
//
//   1. A contact can apply when its scope covers the case (the case's site, the area that site
//      belongs to, or the deployment), it lists the recipient's role, and it lists the message's class.
//   2. Of those, only the most specific scope present speaks: site over area over deployment. A
//      mall with its own group gets its red cards there and not also in the bureau's or the
//      deployment's group; every contact at that one level hears it (two groups, two phones).
//   3. When no stored contact covers the message on that channel, the fallback (the deployment's env,
//      WECOM_WEBHOOK_KEY) does, under the same role and class test.
//
// Channels are decided separately so that adding a duty manager's phone at a site does not silence
// the group the area set up, and a site's own group does not stop the area's SMS.

/** Where a case is: its site, and the regulator's area that site belongs to (if any). */
export interface CaseWhere {
  siteId: string
  areaId: string | null
}

/** Smaller is more specific. */
export const SCOPE_RANK: Record<ScopeKind, number> = { site: 0, area: 1, default: 2 }

export function scopeCovers(scope: ContactScope, where: CaseWhere): boolean {
  if (scope.kind === 'site') return scope.siteId === where.siteId
  if (scope.kind === 'area') return where.areaId !== null && scope.areaId === where.areaId
  return true
}

export interface RoutingQuestion {
  where: CaseWhere
  role: NotifyRole
  eventClass: EventClass
}

const hears = (q: RoutingQuestion) => (rule: ContactRule) =>
  scopeCovers(rule.scope, q.where) && rule.roles.includes(q.role) && rule.events.includes(q.eventClass)

/** The contacts a message goes to (see the rule above), each (channel, target) once. */
export function contactsFor<R extends ContactRule>(stored: readonly R[], fallback: readonly R[], q: RoutingQuestion): R[] {
  const chosen: R[] = []
  for (const channel of CONTACT_CHANNELS) {
    const candidates = stored.filter((r) => r.channel === channel).filter(hears(q))
    if (candidates.length === 0) {
      chosen.push(...fallback.filter((r) => r.channel === channel).filter(hears(q)))
      continue
    }
    const best = Math.min(...candidates.map((r) => SCOPE_RANK[r.scope.kind]))
    chosen.push(...candidates.filter((r) => SCOPE_RANK[r.scope.kind] === best))
  }
  const seen = new Set<string>()
  return chosen.filter((r) => {
    const key = `${r.channel}\u0000${r.target}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
