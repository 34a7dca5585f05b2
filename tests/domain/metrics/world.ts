import { createHash } from 'node:crypto'
import { chineseDaysTable } from '../../../cloudfunctions/adapters/calendar/chinese-days-table'
import type { Case, CaseEvent, EventType } from '../../../src/domain/case.schema'
import { clocksAfterEvent, type CaseClock } from '../../../src/domain/clocks/case-clock'
import { extendClock } from '../../../src/domain/clocks/clock-extension'
import type { CompletionKind } from '../../../src/domain/clocks/clock-rules'
import type { EventDetails } from '../../../src/domain/workflow/event-details'
import { caseFactsOf, type CaseFacts } from '../../../src/domain/metrics/case-facts'

// A small fixed world for the statistics: 14 cases received from 20 January to 19 March 2026, across
// the January/February boundary and the 2026 Spring Festival (15–23 February off; Saturdays 14 and
// 28 February worked). Events are written by hand; the clock rows come from the real clock engine
// (clocksAfterEvent on the State Council calendar), exactly as the services would have written them.
// Every expected figure in the tests is worked out by hand from the table at the end of this file.
export const table = chineseDaysTable()
export const ASOF = new Date('2026-03-20T12:00:00+08:00')
const bj = (local: string) => `${local}:00+08:00`

export const salt = 'test-salt'
export const filerKey = (subject: string) => createHash('sha256').update(`${salt}:${subject}`).digest('hex').slice(0, 16)

interface Spec {
  id: string
  kind?: Case['kind']
  site: string
  merchant: string
  industry: Case['industry']
  problemType: Case['problemType']
  channel: Case['channel']
  filer: string
  received: string // Beijing local "YYYY-MM-DDTHH:MM"
  status: Case['status']
  outcome?: Case['outcome']
  completionKind?: CompletionKind
  /** the filing went straight to the shop (its 45 minutes start at the filing) */
  direct?: boolean
  events: [type: EventType, local: string, details?: EventDetails][]
}

export interface WorldCase {
  row: Case
  events: CaseEvent[]
  clocks: CaseClock[]
}

function build(spec: Spec): WorldCase {
  const received = bj(spec.received)
  const row: Case = {
    id: spec.id,
    caseNo: `KS-${spec.id}`,
    kind: spec.kind ?? 'complaint',
    status: spec.status,
    siteId: spec.site,
    merchantId: spec.merchant,
    merchantName: spec.merchant,
    description: '',
    complainant: spec.kind === 'report' ? null : { name: '张三', phone: '13800138000', address: '' },
    purchaseTime: received,
    amountFen: null,
    product: '',
    problemType: spec.problemType,
    industry: spec.industry,
    demands: [],
    sharePhoneWithMerchant: false,
    consent: { version: '1', at: received, mode: 'self', attestedBy: null },
    channel: spec.channel,
    receivedAt: received,
    filedBy: spec.filer,
    idempotencyKey: spec.id,
    requestDigest: spec.id,
    queryCode: spec.id,
    createdAt: received,
    updatedAt: received,
    reopenCount: spec.events.some(([t]) => t === 'reopened') ? 1 : 0,
    outcome: spec.outcome ?? null,
    completionKind: spec.completionKind ?? 'ordinary',
    onSitePending: false,
    extended: spec.events.some(([t]) => t === 'extended'),
    answerKind: null,
    rated: false,
    satisfaction: null,
    version: spec.events.length,
  }
  const all: [EventType, string, EventDetails?][] = [['submitted', spec.received], ...spec.events]
  const events: CaseEvent[] = all.map(([type, local, details], i) => ({
    id: `${spec.id}-e${i + 1}`,
    caseId: spec.id,
    seq: i + 1,
    type,
    actor: { role: 'system', id: 'test' },
    at: bj(local),
    note: null,
    attachments: [],
    details: details ?? null,
    prevHash: '',
    hash: '',
  }))
  const ctx = { table, completionKind: row.completionKind }
  let clocks: CaseClock[] = []
  const merge = (changed: CaseClock[]) => {
    clocks = [...clocks.filter((c) => !changed.some((n) => n.clockId === c.clockId)), ...changed]
  }
  for (const e of events) {
    const at = new Date(e.at)
    if (e.type === 'extended') {
      const completion = clocks.find((c) => c.clockId === 'completion')
      const extended = completion && extendClock(completion, 15, table, at)
      if (extended?.ok) merge([extended.data.clock])
      continue
    }
    merge(clocksAfterEvent(spec.id, clocks, e.type, at, ctx))
    if (e.type === 'submitted' && spec.direct) merge(clocksAfterEvent(spec.id, clocks, 'dispatched', at, ctx))
  }
  return { row, events, clocks }
}

const offer = (amountFen: number | null, remedy: 'refund' | 'exchange' | 'compensation' = 'refund'): EventDetails => ({
  kind: 'offer',
  remedy,
  amountFen,
  note: '',
})
const agreement = (amountFen: number | null): EventDetails => ({ kind: 'agreement', terms: '双方同意', amountFen, performBy: '2026-03-31' })
const rating = (speed: number, professionalism: number, attitude: number, satisfied: boolean): EventDetails => ({
  kind: 'rating',
  speed,
  professionalism,
  attitude,
  satisfied,
  comment: '',
})
const visit = (satisfied: boolean): EventDetails => ({
  kind: 'return_visit',
  knowsResult: true,
  promiseKept: true,
  satisfied,
  improve: '',
  unresolved: '',
})

// Working days are counted on the State Council calendar; "wd" below = working day, the start day never counts.
export const SPECS: Spec[] = [
  // C01 — Fri 30 Jan. Decided in 30 min (24h, 1h, 7wd met). Shop answers in 20 of its 45 min; settled with a
  // 50-yuan refund. Completion 7wd from 30 Jan → 10 Feb, closed 30 Jan: met. Visit due 6 Feb, done 3 Feb: met.
  {
    id: 'C01',
    site: 'S1',
    merchant: 'M1',
    industry: '食品',
    problemType: '质量',
    channel: 'qr',
    filer: 'U1',
    received: '2026-01-30T10:00',
    status: 'closed',
    outcome: 'settled',
    events: [
      ['accepted', '2026-01-30T10:30'],
      ['dispatched', '2026-01-30T10:40'],
      ['answered', '2026-01-30T11:00', offer(5000)],
      ['offer_accepted', '2026-01-30T11:20'],
      ['closed', '2026-01-30T11:30'],
      ['rated', '2026-01-30T12:00', rating(5, 5, 5, true)],
      ['return_visited', '2026-02-03T10:00', visit(true)],
    ],
  },
  // C02 — Mon 2 Feb, same filer as C01 (a repeat across the month boundary). Accepted after 23 h: 24h met, 1h late.
  // The shop is silent: its 45 min end 08:55, the system escalates at 09:00 (missed). Mediated on 10 Feb
  // (agreement 200 yuan). Completion 7wd from 3 Feb → 12 Feb: met. Visit from 10 Feb: 11, 12, 13, 14 (Sat, worked),
  // 24 Feb → due 24 Feb; done 25 Feb: late (done, not on time).
  {
    id: 'C02',
    site: 'S1',
    merchant: 'M1',
    industry: '食品',
    problemType: '价格',
    channel: 'qr',
    filer: 'U1',
    received: '2026-02-02T09:00',
    status: 'closed',
    outcome: 'mediated',
    events: [
      ['accepted', '2026-02-03T08:00'],
      ['dispatched', '2026-02-03T08:10'],
      ['escalated', '2026-02-03T09:00'],
      ['mediated', '2026-02-10T15:00', agreement(20000)],
      ['closed', '2026-02-10T16:00'],
      ['rated', '2026-02-10T17:00', rating(4, 3, 4, true)],
      ['return_visited', '2026-02-25T10:00', visit(true)],
    ],
  },
  // C03 — Thu 12 Feb, goods (5wd): 13, 14 (Sat, worked), 24, 25, 26 → due 26 Feb. Shop answers at 11:40, its 45 min
  // ended 11:15: late. The shopper refuses; mediation ends without agreement and the case closes on 27 Feb:
  // completion late. Visit from 27 Feb: 28 (Sat, worked), 2, 3, 4, 5 Mar → due 5 Mar; none by 20 Mar: missed.
  {
    id: 'C03',
    site: 'S1',
    merchant: 'M2',
    industry: '商超',
    problemType: '售后服务',
    channel: 'search',
    filer: 'U2',
    received: '2026-02-12T10:00',
    status: 'closed',
    outcome: 'mediation_failed',
    completionKind: 'goods',
    events: [
      ['accepted', '2026-02-12T10:20'],
      ['dispatched', '2026-02-12T10:30'],
      ['answered', '2026-02-12T11:40', offer(null, 'exchange')],
      ['offer_refused', '2026-02-12T12:00'],
      ['mediation_ended', '2026-02-27T10:00'],
      ['closed', '2026-02-27T11:00'],
      ['rated', '2026-02-27T12:00', rating(2, 2, 1, false)],
    ],
  },
  // C04 — Sat 14 Feb (a worked Saturday), withdrawn after 30 min: every clock it started is moot.
  {
    id: 'C04',
    site: 'S1',
    merchant: 'M2',
    industry: '商超',
    problemType: '质量',
    channel: 'qr',
    filer: 'U3',
    received: '2026-02-14T09:00',
    status: 'withdrawn',
    events: [['withdrawn', '2026-02-14T09:30']],
  },
  // C05 — a report, Mon 16 Feb (a holiday). Accepted in 50 min. Completion from 16 Feb: 24, 25, 26, 27, 28, 2, 3 Mar
  // → due 3 Mar; concluded 26 Feb (violation found): met. Visit from 26 Feb: 27, 28, 2, 3, 4 → due 4 Mar, done 2 Mar.
  {
    id: 'C05',
    kind: 'report',
    site: 'S1',
    merchant: 'M3',
    industry: '价格',
    problemType: '价格',
    channel: 'qr',
    filer: 'U4',
    received: '2026-02-16T10:00',
    status: 'closed',
    outcome: 'violation_found',
    events: [
      ['accepted', '2026-02-16T10:50'],
      ['closed', '2026-02-26T10:00', { kind: 'report_finding', violationFound: true, note: '' }],
      ['return_visited', '2026-03-02T10:00', visit(true)],
    ],
  },
  // C06 — Tue 20 Jan by phone (typed by staff: no filer key). Accepted 22 Jan 09:00: 24h and 1h late, 7wd met.
  // Complex (15wd) from 22 Jan → 12 Feb; extended on 10 Feb by 15wd from 12 Feb → 11 Mar. The station steps in
  // at 10:00, before the shop's 45 min (due 10:15) ran out: that clock is moot. Mediated 5 Mar with 3,000 yuan:
  // completion met (≤ 11 Mar). Visit from 5 Mar: 6, 9, 10, 11, 12 → due 12 Mar; done 9 Mar. Not rated.
  {
    id: 'C06',
    site: 'S2',
    merchant: 'M4',
    industry: '一般消费纠纷',
    problemType: '预付式消费',
    channel: 'phone',
    filer: 'staff:s1',
    received: '2026-01-20T14:00',
    status: 'closed',
    outcome: 'mediated',
    completionKind: 'complex',
    events: [
      ['accepted', '2026-01-22T09:00'],
      ['dispatched', '2026-01-22T09:30'],
      ['station_mediation', '2026-01-22T10:00'],
      ['extended', '2026-02-10T10:00'],
      ['mediated', '2026-03-05T10:00', agreement(300000)],
      ['closed', '2026-03-05T11:00'],
      ['return_visited', '2026-03-09T10:00', visit(true)],
    ],
  },
  // C07 — Mon 26 Jan, walk-in (no filer key). Reopened after an unsatisfied rating and return visit.
  // Round 1: accepted 10:30; on site asked 10:45 (due 12:15), checked in 11:30: met; settled with 100 yuan compensation.
  // Round 2 (reopened Fri 30 Jan): completion 7wd → 2, 3, 4, 5, 6, 9, 10 Feb → due 10 Feb; the shop answers again
  // within 45 min (2nd round: met) with a 20-yuan refund, accepted; closed 11 Feb: late. Visit from 11 Feb: 12, 13,
  // 14, 24, 25 → due 25 Feb; done 13 Feb: met. Two ratings; money 100 + 20 yuan.
  {
    id: 'C07',
    site: 'S2',
    merchant: 'M4',
    industry: '一般消费纠纷',
    problemType: '服务态度',
    channel: 'walk_in',
    filer: 'staff:s2',
    received: '2026-01-26T10:00',
    status: 'closed',
    outcome: 'settled',
    events: [
      ['accepted', '2026-01-26T10:30'],
      ['dispatched', '2026-01-26T10:40'],
      ['onsite_required', '2026-01-26T10:45'],
      ['answered', '2026-01-26T11:00', offer(10000, 'compensation')],
      ['checked_in', '2026-01-26T11:30'],
      ['offer_accepted', '2026-01-26T12:00'],
      ['closed', '2026-01-26T13:00'],
      ['rated', '2026-01-26T13:30', rating(3, 3, 2, false)],
      ['return_visited', '2026-01-29T10:00', visit(false)],
      ['reopened', '2026-01-30T10:00'],
      ['dispatched', '2026-01-30T10:10'],
      ['answered', '2026-01-30T10:30', offer(2000)],
      ['offer_accepted', '2026-01-30T11:00'],
      ['closed', '2026-02-11T10:00'],
      ['rated', '2026-02-11T11:00', rating(5, 4, 5, true)],
      ['return_visited', '2026-02-13T10:00', visit(true)],
    ],
  },
  // C08 — Fri 27 Feb, a 12345 hand-over (no filer key). Accepted in 40 min. Dispatched 09:50; the shop never
  // answers and nothing escalated it: still running past 10:35 on 20 Mar, missed. Completion from 27 Feb: 28, 2, 3,
  // 4, 5, 6, 9 Mar → due 9 Mar; still open on 20 Mar: missed.
  {
    id: 'C08',
    site: 'S2',
    merchant: 'M5',
    industry: '汽车',
    problemType: '合同',
    channel: 'hotline_12345',
    filer: 'staff:s3',
    received: '2026-02-27T09:00',
    status: 'with_merchant',
    events: [
      ['accepted', '2026-02-27T09:40'],
      ['dispatched', '2026-02-27T09:50'],
    ],
  },
  // C09 — Wed 18 Mar. Accepted in 10 min, the shop answers in 15. Completion due 27 Mar: pending on 20 Mar.
  {
    id: 'C09',
    site: 'S1',
    merchant: 'M1',
    industry: '食品',
    problemType: '食品安全',
    channel: 'qr',
    filer: 'U5',
    received: '2026-03-18T10:00',
    status: 'merchant_answered',
    events: [
      ['accepted', '2026-03-18T10:10'],
      ['dispatched', '2026-03-18T10:15'],
      ['answered', '2026-03-18T10:30', offer(3000)],
    ],
  },
  // C10 — Sat 28 Feb (worked), same filer as C03. Not accepted after 1.5 h: 24h met, 1h late, 7wd met.
  {
    id: 'C10',
    site: 'S1',
    merchant: 'M3',
    industry: '价格',
    problemType: '价格',
    channel: 'qr',
    filer: 'U2',
    received: '2026-02-28T15:00',
    status: 'not_accepted',
    events: [['rejected', '2026-02-28T16:30']],
  },
  // C11 — Sat 31 Jan, at a proxy desk (the desk's subject is no filer key). Transferred after 23 h: 24h met, 1h late.
  {
    id: 'C11',
    site: 'S2',
    merchant: 'M5',
    industry: '汽车',
    problemType: '质量',
    channel: 'proxy',
    filer: 'proxy:p1',
    received: '2026-01-31T11:00',
    status: 'transferred',
    events: [['transferred', '2026-02-01T10:00']],
  },
  // C12 — a report, Fri 20 Feb (holiday). Accepted Sun 22 Feb 09:00: 24h (due 21 Feb 10:00) and 1h late; 7wd from
  // 20 Feb (24, 25, 26, 27, 28, 2, 3 Mar) met. Completion from 22 Feb: 24 … 3 Mar → due 3 Mar; concluded 10 Mar
  // (no violation): late. Visit from 10 Mar: 11, 12, 13, 16, 17 → due 17 Mar; none: missed.
  {
    id: 'C12',
    kind: 'report',
    site: 'S2',
    merchant: 'M4',
    industry: '一般消费纠纷',
    problemType: '虚假宣传/广告',
    channel: 'search',
    filer: 'U6',
    received: '2026-02-20T10:00',
    status: 'closed',
    outcome: 'no_violation',
    events: [
      ['accepted', '2026-02-22T09:00'],
      ['closed', '2026-03-10T10:00', { kind: 'report_finding', violationFound: false, note: '' }],
    ],
  },
  // C13 — Sat 14 Feb (worked), same filer as C04, straight to the shop (45 min from 11:00, answered 11:20: met,
  // an 88-yuan refund, accepted 11:30). The station accepts at 12:00 sharp — the 1h clock's due instant: met.
  // Completion from 14 Feb: 24 … 3 Mar → due 3 Mar, closed 14 Feb: met. Visit from 14 Feb: 24, 25, 26, 27, 28 → due
  // 28 Feb; done 24 Feb.
  {
    id: 'C13',
    site: 'S1',
    merchant: 'M2',
    industry: '商超',
    problemType: '质量',
    channel: 'qr',
    filer: 'U3',
    direct: true,
    received: '2026-02-14T11:00',
    status: 'closed',
    outcome: 'settled',
    events: [
      ['answered', '2026-02-14T11:20', offer(8800)],
      ['offer_accepted', '2026-02-14T11:30'],
      ['accepted', '2026-02-14T12:00'],
      ['closed', '2026-02-14T13:00'],
      ['rated', '2026-02-14T14:00', rating(5, 5, 4, true)],
      ['return_visited', '2026-02-24T10:00', visit(true)],
    ],
  },
  // C14 — Thu 19 Mar 09:00, nothing done by 20 Mar 12:00: 24h (due 20 Mar 09:00) and 1h missed; 7wd pending.
  {
    id: 'C14',
    site: 'S1',
    merchant: 'M1',
    industry: '食品',
    problemType: '质量',
    channel: 'qr',
    filer: 'U7',
    received: '2026-03-19T09:00',
    status: 'received',
    events: [],
  },
]

export const WORLD: WorldCase[] = SPECS.map(build)
export const factsOf = (w: WorldCase, asOf = ASOF): CaseFacts => caseFactsOf(w.row, w.events, w.clocks, { asOf, filerKey })
export const FACTS: CaseFacts[] = WORLD.map((w) => factsOf(w))
export const byId = (id: string): CaseFacts => {
  const found = FACTS.find((f) => f.caseId === id)
  if (!found) throw new Error(`no case ${id}`)
  return found
}
