import { z } from 'zod'
import type { ClockId } from '../clocks/clock-rules'

// 转办 with a destination (docs/domain.md "Transfers"). A case that is not ours goes
//   site          to another station or bureau in this system: the case moves there with its whole
//                 timeline; from then on only that site's staff see it and act on it;
//   department    to another government department: a hand-over letter (移送函) is printed, and the
//                 hand-over clock runs until the receipt is recorded (5 working days);
//   police        to the police, for a suspected crime: the same, 3 working days;
//   cross_region  to a market-supervision bureau of another region, outside this system: 48 hours
//                 from the decision until it is recorded as sent.
// A transfer that comes back ("not ours") is 退回: the event `returned`, and the case is again the
// sending site's to decide (the 2-hour answer-after-return clock starts on it).
export const TRANSFER_DESTINATIONS = ['site', 'department', 'police', 'cross_region'] as const
export type TransferDestination = (typeof TRANSFER_DESTINATIONS)[number]

export const DESTINATION_LABELS: Record<TransferDestination, string> = {
  site: '系统内其他站点或市场监管所',
  department: '其他行政部门',
  police: '公安机关（涉嫌犯罪）',
  cross_region: '外地市场监管部门（跨区域）',
}

/** The clock each outside destination runs from the decision; a move within the system needs none. */
export const DESTINATION_CLOCK: Record<TransferDestination, ClockId | null> = {
  site: null,
  department: 'handover_department',
  police: 'handover_police',
  cross_region: 'cross_region_transfer',
}

/**
 * 转办: where to. `toSiteId` names the site for a move within the system (the server fills in its
 * name and the sending site); `toName` names the department, police station or bureau otherwise.
 */
export const TransferDetailsSchema = z
  .object({
    kind: z.literal('transfer'),
    destination: z.enum(TRANSFER_DESTINATIONS, { error: '请选择转办去向' }),
    toSiteId: z.string({ error: '格式不正确' }).trim().max(64).default(''),
    toName: z.string({ error: '格式不正确' }).trim().max(100, { error: '接收单位名称不能超过100字' }).default(''),
    /** written by the server on a move: the site the case left (a 退回 goes back there) */
    fromSiteId: z.string().max(64).default(''),
  })
  .superRefine((v, ctx) => {
    if (v.destination === 'site' && !v.toSiteId) ctx.addIssue({ code: 'custom', path: ['toSiteId'], message: '请选择接收的站点' })
    if (v.destination !== 'site' && v.toName.length < 2) ctx.addIssue({ code: 'custom', path: ['toName'], message: '请填写接收单位名称' })
  })
export type TransferDetails = z.infer<typeof TransferDetailsSchema>

/** The timeline's line for a transfer: where it went. */
export function describeTransfer(d: TransferDetails): string {
  switch (d.destination) {
    case 'site':
      return `转至 ${d.toName || '系统内其他站点'} 办理，案件记录随案移交`
    case 'department':
      return `移送 ${d.toName} 处理（已出具移送函）`
    case 'police':
      return `涉嫌犯罪，移送 ${d.toName}`
    case 'cross_region':
      return `跨区域转办至 ${d.toName}`
  }
}

/** The transfer still out: the last one, if nothing came back since. The timeline says it, oldest first. */
export function pendingTransfer(events: readonly { type: string; details?: unknown }[]): TransferDetails | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]
    if (e.type === 'returned') return null
    if (e.type === 'transferred') {
      const parsed = TransferDetailsSchema.safeParse(e.details)
      return parsed.success ? parsed.data : null // a transfer from before destinations were recorded
    }
  }
  return null
}

/** Has the receipt (or the sending) of the pending outside transfer been recorded already? */
export function transferConfirmed(events: readonly { type: string }[]): boolean {
  for (let i = events.length - 1; i >= 0; i--) {
    if (events[i].type === 'transfer_confirmed') return true
    if (events[i].type === 'transferred') return false
  }
  return false
}

/** What the state machine needs from the timeline to judge 退回 and 记录回执 (CaseFacts.transfer). */
export const transferFacts = (events: readonly { type: string; details?: unknown }[]) => ({
  pending: pendingTransfer(events),
  confirmed: transferConfirmed(events),
})

/** What the receipt step is called for this destination (移送函回执 / 已移送). */
export const confirmWording = (destination: TransferDestination | null): string =>
  destination === 'cross_region' ? '已移送外地市场监管部门' : '已收到移送回执'
