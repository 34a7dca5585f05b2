import { z } from 'zod'
import type { UrgencySignals } from '../extract/urgency'

// Fast-track (快速响应, docs/domain.md "Fast-track"): the station's decision at intake, never a guess
// from the text. The station names one of the five grounds and who must go on site: a member of
// its quick-response team (a station account of the same site — the team is the station's own
// staff, so no new role) or the shop's representative, for a dispute away from the shop. The
// decision starts the 15/45/90 chain: dispatch within 15 minutes, response within 45, someone on
// site within 90; the named person's check-in stops the last. After closing, the team reports back
// within 24 hours. Everything here is read from the timeline, so nothing new is stored on the case.

export const FAST_TRACK_REASONS = ['on_site_dispute', 'evidence_now', 'brief_visit', 'safety_harmed', 'group_or_public'] as const
export type FastTrackReason = (typeof FAST_TRACK_REASONS)[number]

export const FAST_TRACK_REASON_LABELS: Record<FastTrackReason, string> = {
  on_site_dispute: '纠纷正在现场发生',
  evidence_now: '证据需要即时固定',
  brief_visit: '消费者为外地游客，停留时间短',
  safety_harmed: '人身或财产安全受到损害',
  group_or_public: '群体性投诉或舆情事件',
}

/** Who must be on site within the 90 minutes. */
export const ON_SITE_PARTIES = ['team', 'merchant'] as const
export type OnSiteParty = (typeof ON_SITE_PARTIES)[number]
export const ON_SITE_PARTY_LABELS: Record<OnSiteParty, string> = {
  team: '快反队员到场',
  merchant: '商家代表到场（纠纷不在店内）',
}

/** What the event records: the ground, who goes, and which team member (null for the shop's representative). */
export const FastTrackDetailsSchema = z.object({
  kind: z.literal('fast_track'),
  reason: z.enum(FAST_TRACK_REASONS, { error: '请选择快速响应的理由' }),
  onSite: z.enum(ON_SITE_PARTIES, { error: '请选择由谁到场' }),
  staffId: z.string().min(1).max(64).nullable(),
  /** the team member's name as the timeline shows it (staff names are not personal data of the public) */
  staffName: z.string().max(40).nullable(),
})
export type FastTrackDetails = z.infer<typeof FastTrackDetailsSchema>

/** What the station sends: the ground, who goes, and (for the team) which member — the caller by default. */
export const FastTrackInputSchema = z.object({
  caseId: z.string({ error: '缺少案件编号' }).min(1).max(64),
  reason: z.enum(FAST_TRACK_REASONS, { error: '请选择快速响应的理由' }),
  onSite: z.enum(ON_SITE_PARTIES, { error: '请选择由谁到场' }).default('team'),
  staffId: z.string().min(1).max(64).optional(),
  note: z.string({ error: '格式不正确' }).trim().max(500, { error: '说明不能超过500字' }).default(''),
})

/** Written by the server on the team member's check-in: whether a location was kept (never the location itself). */
export const TeamCheckInDetailsSchema = z.object({
  kind: z.literal('team_check_in'),
  located: z.boolean(),
})

/** The fast-track state of a case, as its timeline says it. */
export interface FastTrackFacts {
  reason: FastTrackReason
  onSite: OnSiteParty
  staffId: string | null
  dispatched: boolean
  /** the named person checked in since the dispatch */
  checkedIn: boolean
  feedbackGiven: boolean
}

interface TimelineEvent {
  type: string
  details?: unknown
}

/** Read the decision and its progress from the timeline; null when the case was never fast-tracked. */
export function fastTrackOf(events: readonly TimelineEvent[]): FastTrackFacts | null {
  let facts: FastTrackFacts | null = null
  for (const e of events) {
    if (e.type === 'fast_tracked') {
      const d = FastTrackDetailsSchema.safeParse(e.details)
      if (d.success) facts = { ...d.data, dispatched: false, checkedIn: false, feedbackGiven: false }
      continue
    }
    const f: FastTrackFacts | null = facts
    if (!f) continue
    if (e.type === 'fast_track_dispatched') facts = { ...f, dispatched: true }
    else if (e.type === 'checked_in' && f.dispatched) facts = { ...f, checkedIn: true }
    else if (e.type === 'fast_track_feedback') facts = { ...f, feedbackGiven: true }
    else if (e.type === 'reopened') facts = { ...f, feedbackGiven: false } // a new closure owes a new report
  }
  return facts
}

/**
 * The grounds the text hints at, for the station to consider — a suggestion shown beside the choice,
 * never the decision (the station may pick another ground or none).
 */
export function suggestedReasons(signals: UrgencySignals): FastTrackReason[] {
  const out: FastTrackReason[] = []
  if (signals.happeningNow) out.push('on_site_dispute')
  if (signals.visitor) out.push('brief_visit')
  if (signals.injury) out.push('safety_harmed')
  if (signals.group) out.push('group_or_public')
  return out
}

/** One line for the timeline. */
export function describeFastTrack(d: FastTrackDetails): string {
  const who = d.onSite === 'merchant' ? '由商家代表到场' : `由快反队员${d.staffName ? ` ${d.staffName} ` : ''}到场`
  return `快速响应：${FAST_TRACK_REASON_LABELS[d.reason]}，${who}`
}

/**
 * Where the person stood when checking in, if their phone gave it. Optional, checked here, sealed at
 * rest and shown only to the station of the site (never to the shopper or the shop).
 */
export const CheckInLocationSchema = z.object({
  latitude: z.number({ error: '位置格式不正确' }).finite().min(-90, { error: '纬度不正确' }).max(90, { error: '纬度不正确' }),
  longitude: z.number({ error: '位置格式不正确' }).finite().min(-180, { error: '经度不正确' }).max(180, { error: '经度不正确' }),
  /** metres, as the phone reports it */
  accuracy: z.number().finite().nonnegative().max(100_000).nullable().default(null),
})
export type CheckInLocation = z.infer<typeof CheckInLocationSchema>

export const StaffCheckInInputSchema = z.object({
  caseId: z.string({ error: '缺少案件编号' }).min(1).max(64),
  location: CheckInLocationSchema.nullable().default(null),
})

export const FastTrackFeedbackInputSchema = z.object({
  caseId: z.string({ error: '缺少案件编号' }).min(1).max(64),
  reason: z.string({ error: '请填写反馈内容' }).trim().min(2, { error: '请填写反馈内容' }).max(1000, { error: '反馈不能超过1000字' }),
})
