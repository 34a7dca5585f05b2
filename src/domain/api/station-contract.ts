import { z } from 'zod'
import { CaseDetailSchema } from '../case-view.schema'
import { INDUSTRY_LINES } from '../industry'
import { COMPLETION_KINDS } from '../clocks/clock-rules'
import { ClockSettingsSchema } from '../clocks/clock-settings'
import { ChainReportSchema } from '../workflow/chain-audit'
import * as Contacts from '../notify/contact-api'
import * as FastTrack from '../workflow/fast-track'
import * as FastTrackApi from '../workflow/fast-track-api'
import * as Reward from '../report-reward/report-reward-station'
import { STATION_CONSULT_API } from '../consult/consult-station-api'
import { STATION_CALLBACK_API } from '../callback/callback-api'
import { STATION_BURST_API } from '../similarity/burst-api'
import { STATION_TAGS_API } from '../tags/tags-api'
import { STATION_STATS_API } from '../metrics/stats-view.schema'
import { PUBLIC_STATION_API } from '../public-records/public-records-station-api'
import { STATION_LETTER_API } from '../letters/letters-api'
import { STATION_EXPORT_API } from '../exports/export-api'
import { NoInput, CaseIdInput, Reason, actionInput, ActionOutcomeSchema } from './action-schemas'
import {
  TransferTargetsSchema,
  TransferLetterSchema,
  StaffMeSchema,
  BoardFilterSchema,
  StationBoardSchema,
  SiteScopeInput,
  SiteClockSettingsSchema,
} from './staff-action-schemas'

// The station function's actions: the 维权站's board and case desk, clocks, contacts, fast track,
// consultations, call-backs, tags, statistics, 公示, letters and exports. A new station action goes
// here (or into its own domain file, spread in below); contract.ts gathers every function.
export const STATION_API = {
  me: { input: NoInput, output: StaffMeSchema },
  listCases: { input: BoardFilterSchema, output: StationBoardSchema },
  getCase: { input: CaseIdInput, output: CaseDetailSchema },
  actOnCase: {
    input: actionInput(
      [
        'accept',
        'reject',
        'transfer',
        'dispatch',
        'escalate',
        'mediate',
        'endMediation',
        'close',
        'reopen',
        'requireOnSite',
        'extend',
        'returnVisit',
        'sendBack',
        'confirmTransfer',
        'answerComplainant', // 已答复投诉人 (while the 2-hour clock after a 退回 runs)
        'notifyCaseNumber', // 已告知案件编号 (a case typed in for a caller or a hand-over)
        'suspend', // 中止调解: details { kind: 'suspension', ground } or just the reason
        'resume', // 恢复调解
      ],
      9,
    ).extend({
      /** on accepting: how long the case may take (complex cases get 15 working days and one extension) */
      completionKind: z.enum(COMPLETION_KINDS, { error: '请选择案件类型' }).optional(),
    }),
    output: ActionOutcomeSchema,
  },
  getClockSettings: { input: SiteScopeInput, output: SiteClockSettingsSchema },
  saveClockSettings: { input: SiteScopeInput.extend({ settings: ClockSettingsSchema }), output: SiteClockSettingsSchema },
  // who besides the inbox hears what, on which WeCom group or phone (issue 11); targets come back masked
  listNotificationContacts: { input: Contacts.ContactListInputSchema, output: Contacts.ContactListSchema },
  saveNotificationContact: { input: Contacts.SaveContactInputSchema, output: Contacts.ContactViewSchema },
  deleteNotificationContact: { input: Contacts.DeleteContactInputSchema, output: z.object({ id: z.string() }) },
  /** 「校验记录完整性」: the case's hash chain, signatures, row and anchored head, checked and said in Chinese */
  verifyCase: { input: CaseIdInput, output: ChainReportSchema },
  /** 转办: the other sites of the system a case may move to */
  transferTargets: { input: NoInput, output: TransferTargetsSchema },
  /** 移送函 of the transfer that is out (a department, the police, a bureau elsewhere) */
  transferLetter: { input: CaseIdInput, output: TransferLetterSchema },
  // 快速响应 (workflow/fast-track.ts): decide at intake, dispatch, the named member checks in, report back
  fastTrack: { input: FastTrack.FastTrackInputSchema, output: ActionOutcomeSchema },
  fastDispatch: { input: CaseIdInput, output: ActionOutcomeSchema },
  staffCheckIn: { input: FastTrack.StaffCheckInInputSchema, output: ActionOutcomeSchema },
  fastTrackFeedback: { input: FastTrack.FastTrackFeedbackInputSchema, output: ActionOutcomeSchema },
  fastTrackTeam: { input: NoInput, output: FastTrackApi.FastTrackTeamSchema },
  checkInLocations: { input: CaseIdInput, output: FastTrackApi.CheckInLocationListSchema },
  // 举报: closing with the finding, and the reporter's reward (report-reward/)
  concludeReport: { input: FastTrackApi.ConcludeReportInputSchema, output: ActionOutcomeSchema },
  getReportReward: { input: CaseIdInput, output: Reward.StationRewardViewSchema },
  decideReportReward: { input: Reward.DecideRewardInputSchema, output: Reward.StationRewardViewSchema },
  // consultations (咨询): answer from the reply library, or 转为投诉 (src/domain/consult/consult-station-api.ts)
  ...STATION_CONSULT_API,
  // 突发消费事件 and 案例推荐 (src/domain/similarity/burst-api.ts, docs/bursts-and-similar-cases.md)
  ...STATION_BURST_API,
  // 回访抽查 and the review of ratings below 80 % (src/domain/callback/callback-api.ts, docs/callbacks.md)
  ...STATION_CALLBACK_API,
  // 标签: a case's proposed and confirmed tags (src/domain/tags/tags-api.ts, docs/tags.md)
  ...STATION_TAGS_API,
  // 统计 (issue 18): figures and charts of the caller's site(s), and saved custom queries (src/domain/metrics/stats-view.schema.ts)
  ...STATION_STATS_API,
  // 投诉信息公示: the site's threshold N and the shops' objections (src/domain/public-records)
  ...PUBLIC_STATION_API,
  // 消费投诉分析建议书: delivery records (src/domain/letters, docs/analysis-letters.md)
  ...STATION_LETTER_API,
  // 导出与报表 in CloudBase: the file into storage, a short-lived link back (src/domain/exports/export-api.ts, docs/cloud-exports.md)
  ...STATION_EXPORT_API,
  /** 所属行业: staff correct a case's industry line, on record as a timeline event (from, to, optional reason) */
  setIndustry: {
    input: CaseIdInput.extend({ industry: z.enum(INDUSTRY_LINES, { error: '请选择所属行业' }), reason: Reason }),
    output: ActionOutcomeSchema,
  },
} as const
