import { z } from 'zod'
import { CaseDetailSchema, CaseListSchema } from '../case-view.schema'
import { DESCRIPTION_MAX, SubmitComplaintSchema } from '../complaint.schema'
import { ExtractionSchema } from '../extract/extraction.schema'
import { INDUSTRY_LINES } from '../industry'
import { MerchantCodeSchema, MerchantEntrySchema } from '../merchant.schema'
import { LookupInputSchema } from '../lookup-input'
import { COMPLETION_KINDS } from '../clocks/clock-rules'
import { EVIDENCE_KINDS, EvidenceViewSchema } from '../evidence.schema'
import { ClockSettingsSchema } from '../clocks/clock-settings'
import { ChainReportSchema } from '../workflow/chain-audit'
import { InboxViewSchema } from '../inbox.schema'
import { SUBSCRIBE_SLOTS } from '../notify/subscribe-messages'
import * as Registry from '../merchant/registry-api'
import { InviteCodeSchema } from '../merchant/invite'
import * as Contacts from '../notify/contact-api'
import * as Staff from '../staff/staff-api'
import * as FastTrack from '../workflow/fast-track'
import * as FastTrackApi from '../workflow/fast-track-api'
import * as Reward from '../report-reward/report-reward'
import { CONSUMER_CONSULT_API, STATION_CONSULT_API } from '../consult/consult-api'
import { STATION_CALLBACK_API } from '../callback/callback-api'
import { STATION_BURST_API } from '../similarity/burst-api'
import { ADMIN_TAGS_API, STATION_TAGS_API } from '../tags/tags-api'
import { STATION_STATS_API } from '../metrics/stats-view.schema'
import { PUBLIC_CONSUMER_API, PUBLIC_MERCHANT_API, PUBLIC_STATION_API } from '../public-records/public-records-api'
import { MERCHANT_LETTER_API, STATION_LETTER_API } from '../letters/letters-api'

import {
  NoInput,
  CaseIdInput,
  SubmitReceiptSchema,
  ProxyFilingSchema,
  TransferTargetsSchema,
  TransferLetterSchema,
  MerchantHomeSchema,
  StaffMeSchema,
  BoardFilterSchema,
  StationBoardSchema,
  Reason,
  actionInput,
  SiteScopeInput,
  SiteClockSettingsSchema,
  ParkedListSchema,
  InboxRole,
  ActionOutcomeSchema,
  UploadFileIdSchema,
} from './action-schemas'

export * from './action-schemas'
// The one contract between the app and the functions: function → action → { input, output }.
// The app's gateway is typed by it; each cloud function validates its input against it./** The in-app inbox (every role) and the delivery of notifications (issue 6). */
export const INBOX_API = {
  list: { input: InboxRole, output: InboxViewSchema },
  markRead: {
    input: InboxRole.extend({ ids: z.array(z.string().min(1).max(64)).max(100) }),
    output: z.object({ marked: z.number().int() }),
  },
  /** the subscribe-message templates the person just allowed (WeChat prompt at submit time) */
  recordSubscriptions: {
    input: z.object({ accepted: z.array(z.enum(SUBSCRIBE_SLOTS)).max(3, { error: '一次最多3个' }) }),
    output: z.object({ recorded: z.number().int() }),
  },
  parked: { input: NoInput, output: ParkedListSchema },
  requeue: { input: z.object({ id: z.string().min(1).max(64) }), output: z.object({ requeued: z.boolean() }) },
} as const

export const API = {
  inbox: INBOX_API,
  consumer: {
    getMerchantEntry: { input: z.object({ code: MerchantCodeSchema }), output: MerchantEntrySchema },
    searchMerchants: {
      input: z.object({ query: z.string().trim().max(30, { error: '关键词太长' }).default('') }),
      output: z.object({ items: z.array(MerchantEntrySchema) }),
    },
    submitComplaint: { input: SubmitComplaintSchema, output: SubmitReceiptSchema },
    /** the mini-program's extraction panel: proposals computed in the cloud (services/extract-text.ts) */
    extractText: { input: z.object({ text: z.string().trim().min(1).max(DESCRIPTION_MAX) }), output: ExtractionSchema },
    listMyCases: { input: NoInput, output: CaseListSchema },
    getMyCase: { input: CaseIdInput, output: CaseDetailSchema },
    lookupCase: { input: LookupInputSchema, output: CaseDetailSchema },
    /** 举报奖励: the report number + query code (anonymous reporters too) and how to be paid */
    applyReportReward: { input: Reward.ApplyRewardInputSchema, output: Reward.ReporterRewardViewSchema },
    reportRewardStatus: { input: Reward.RewardLookupInputSchema, output: Reward.ReporterRewardViewSchema },
    actOnMyCase: { input: actionInput(['withdraw', 'acceptOffer', 'refuseOffer', 'rate'], 0), output: ActionOutcomeSchema },
    /** a recording the caller uploaded (kind 'audio') → text to propose into the form */
    transcribeAudio: {
      input: z.object({ evidenceId: z.string({ error: '缺少录音' }).min(1, { error: '缺少录音' }).max(64) }),
      output: z.object({ text: z.string(), durationMs: z.number().int().nonnegative() }),
    },
    /** mini-program: a file it put into cloud storage (uploads/…) → checked, cleaned, kept as the caller's evidence */
    registerUpload: {
      input: z.object({
        fileId: UploadFileIdSchema,
        kind: z.enum(EVIDENCE_KINDS, { error: '请选择证据类型：照片、视频、录音或票据' }),
        displayName: z.string({ error: '文件名格式不正确' }).max(255, { error: '文件名太长' }).default(''),
      }),
      output: EvidenceViewSchema,
    },
    // consultations (咨询): ask, follow, confirm a conversion (src/domain/consult/consult-api.ts)
    ...CONSUMER_CONSULT_API,
    // 投诉信息公示 (src/domain/public-records): the page of a site, for anyone
    ...PUBLIC_CONSUMER_API,
  },
  proxy: {
    fileComplaint: { input: ProxyFilingSchema, output: SubmitReceiptSchema },
    /** the cases this staff account filed for someone, newest first: the helper's desk after login */
    listMyFilings: { input: NoInput, output: CaseListSchema },
  },
  merchant: {
    getHome: { input: NoInput, output: MerchantHomeSchema },
    getCase: { input: CaseIdInput, output: CaseDetailSchema },
    // an offer may carry up to 4 photos (issue 5); a check-in one photo of the shop floor
    actOnCase: { input: actionInput(['answer', 'checkIn'], 4), output: ActionOutcomeSchema },
    /** any device: a station's invite code → a PENDING binding to that shop (the same one when repeated) */
    redeemInvite: { input: Registry.RedeemInviteInputSchema, output: Registry.MyMembershipSchema },
    /** the caller's bindings, pending / active / revoked, with shop names */
    myMemberships: { input: NoInput, output: Registry.MyMembershipListSchema },
    // 投诉信息公示: the shop's objection (异议) to its published entry
    ...PUBLIC_MERCHANT_API,
    // 消费投诉分析建议书: the shop's own summary (src/domain/letters, docs/analysis-letters.md)
    ...MERCHANT_LETTER_API,
  },
  station: {
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
    // consultations (咨询): answer from the reply library, or 转为投诉 (src/domain/consult/consult-api.ts)
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
    /** 所属行业: staff correct a case's industry line, on record as a timeline event (from, to, optional reason) */
    setIndustry: {
      input: CaseIdInput.extend({ industry: z.enum(INDUSTRY_LINES, { error: '请选择所属行业' }), reason: Reason }),
      output: ActionOutcomeSchema,
    },
  },
  // the merchant registry of a site (issue 5): shops, posters, clerk invites and bindings
  registry: {
    listMerchants: { input: Registry.RegistrySiteInput, output: Registry.MerchantListSchema },
    getMerchant: { input: Registry.MerchantIdInput, output: Registry.MerchantDetailSchema },
    saveMerchant: { input: Registry.SaveMerchantInputSchema, output: Registry.SavedMerchantSchema },
    importMerchantsCsv: { input: Registry.ImportCsvInputSchema, output: Registry.ImportResultSchema },
    issueInvite: { input: Registry.MerchantIdInput, output: Registry.InviteIssuedSchema },
    withdrawInvite: { input: Registry.WithdrawInviteInputSchema, output: z.object({ inviteId: z.string() }) },
    listMembers: { input: Registry.MerchantIdInput, output: Registry.MemberListSchema },
    decideMember: { input: Registry.DecideMemberInputSchema, output: Registry.MemberViewSchema },
    revokeMember: { input: Registry.MembershipIdInput, output: Registry.MemberViewSchema },
    posterData: { input: Registry.PosterInputSchema, output: Registry.PosterDataSchema },
    miniCode: { input: Registry.MerchantIdInput, output: Registry.MiniCodeImageSchema },
    /** an invite as a mini-program code (scene = the code, shown to the issuing station once; docs/invite-mini-code.md) */
    inviteMiniCode: { input: Registry.WithdrawInviteInputSchema.extend({ code: InviteCodeSchema }), output: Registry.MiniCodeImageSchema },
  },
  // staff identity from the OPENID and provisioning (issue 15, docs/staff-identity.md)
  staff: {
    /** a one-time code from an administrator (or the station) → the caller's OPENID is that staff account */
    bindByCode: { input: Staff.BindByCodeInputSchema, output: Staff.StaffBoundSchema },
    /** the account's username and password, once (locked out after repeated failures, as the desk) */
    bindByPassword: { input: Staff.BindByPasswordInputSchema, output: Staff.StaffBoundSchema },
    myBindings: { input: NoInput, output: Staff.StaffBindingListSchema },
    unbindMine: { input: Staff.BindingIdInputSchema, output: Staff.StaffBindingViewSchema },
    issueBindingCode: { input: Staff.StaffIdInputSchema, output: Staff.BindingCodeIssuedSchema },
    /** a binding code as a mini-program code (page = the binding page, scene = the code; docs/admin-pages.md) */
    bindingMiniCode: { input: Staff.BindingMiniCodeInputSchema, output: Registry.MiniCodeImageSchema },
    listBindings: { input: Staff.StaffIdInputSchema, output: Staff.StaffBindingListSchema },
    unbind: { input: Staff.BindingIdInputSchema, output: Staff.StaffBindingViewSchema },
    listSites: { input: NoInput, output: Staff.SiteListSchema },
    saveSite: { input: Staff.SaveSiteInputSchema, output: Staff.SiteViewSchema },
    /** an administrator every account (or one site's); a station its own site's station and proxy accounts */
    listStaff: { input: Staff.StaffListInputSchema, output: Staff.StaffListSchema },
    createStaff: { input: Staff.CreateStaffInputSchema, output: Staff.StaffViewSchema },
    setStaffDisabled: { input: Staff.SetStaffDisabledInputSchema, output: Staff.StaffViewSchema },
    // 标签管理 (src/domain/tags/tags-api.ts, docs/tags.md)
    ...ADMIN_TAGS_API,
  },
} as const

export type Api = typeof API
export type FunctionName = keyof Api
export type ActionName<F extends FunctionName> = keyof Api[F] & string
type Spec<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends {
  input: infer I extends z.ZodType
  output: infer O extends z.ZodType
}
  ? { input: I; output: O }
  : never
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = z.input<Spec<F, A>['input']>
export type ActionParsedInput<F extends FunctionName, A extends ActionName<F>> = z.output<Spec<F, A>['input']>
export type ActionOutput<F extends FunctionName, A extends ActionName<F>> = z.output<Spec<F, A>['output']>

export const FUNCTION_NAMES = Object.keys(API) as FunctionName[]

export function isFunctionName(name: string): name is FunctionName {
  return Object.prototype.hasOwnProperty.call(API, name)
}
