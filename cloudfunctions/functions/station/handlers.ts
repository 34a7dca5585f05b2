import { fail } from '../../../src/domain/errors'
import { defineFunction } from '../../runtime/define-function'
import * as Consult from '../../services/consult-station'
import { actOnCase, stepOf } from '../../services/case-actions'
import { setCaseIndustry } from '../../services/case-industry'
import * as Tags from '../../services/case-tags'
import { getStaffMe, getStationBoard, getStationCase } from '../../services/station-board'
import { getClockSettings, saveClockSettings } from '../../services/site-clock-settings'
import { verifyStationCase } from '../../services/verify-chain'
import * as Transfer from '../../services/transfer-desk'
import * as FastTrack from '../../services/fast-track/fast-track-actions'
import * as Reward from '../../services/report-reward/report-reward'
import * as Callback from '../../services/callback/callback-desk'
import * as Bursts from '../../services/bursts/burst-desk'
import { similarCases } from '../../services/bursts/similar-cases'
import * as BurstSettings from '../../services/bursts/burst-settings'
import * as Reviews from '../../services/callback/rating-reviews'
import { deleteNotificationContact, listNotificationContacts, saveNotificationContact } from '../../services/notify/contact-admin'
import * as Stats from '../../services/stats-query'
import * as SavedStats from '../../services/stats-saved-queries'
import { decideObjection, listObjections } from '../../services/public-objections'
import { getPublicSettings, savePublicThreshold } from '../../services/public-settings'
import * as Letters from '../../services/letters/analysis-letters'
import { listPendingLetters } from '../../services/letters/quarterly-letters'
import { letterPdfLink } from '../../services/letters/letter-pdf-link'
import * as CloudExports from '../../services/exports/cloud-exports'
import { exportSites } from '../../services/exports/export-scope'

export const stationFunction = defineFunction('station', {
  me: (_input, ctx) => getStaffMe(ctx),
  listCases: (input, ctx) => getStationBoard(ctx, input),
  getCase: (input, ctx) => getStationCase(ctx, input.caseId),
  actOnCase: async (input, ctx) => {
    const role = ctx.caller.staff?.role
    if (role !== 'station' && role !== 'regulator') return fail('FORBIDDEN')
    return actOnCase(ctx, role, input.caseId, { ...stepOf(input), completionKind: input.completionKind })
  },
  getClockSettings: (input, ctx) => getClockSettings(ctx, input.siteId),
  saveClockSettings: (input, ctx) => saveClockSettings(ctx, input.siteId, input.settings),
  listNotificationContacts: (input, ctx) => listNotificationContacts(ctx, input),
  saveNotificationContact: (input, ctx) => saveNotificationContact(ctx, input),
  deleteNotificationContact: (input, ctx) => deleteNotificationContact(ctx, input.id),
  verifyCase: (input, ctx) => verifyStationCase(ctx, input.caseId),
  transferTargets: (_input, ctx) => Transfer.transferTargets(ctx),
  transferLetter: (input, ctx) => Transfer.transferLetter(ctx, input.caseId),
  // 快速响应 and 举报奖励 (services/fast-track/, services/report-reward/)
  fastTrack: (input, ctx) => FastTrack.fastTrackCase(ctx, input),
  fastDispatch: (input, ctx) => FastTrack.dispatchFastTrack(ctx, input.caseId),
  staffCheckIn: (input, ctx) => FastTrack.staffCheckIn(ctx, input.caseId, input.location),
  fastTrackFeedback: (input, ctx) => FastTrack.fastTrackFeedback(ctx, input.caseId, input.reason),
  fastTrackTeam: (_input, ctx) => FastTrack.fastTrackTeam(ctx),
  checkInLocations: (input, ctx) => FastTrack.checkInLocations(ctx, input.caseId),
  concludeReport: (input, ctx) => Reward.concludeReport(ctx, input),
  getReportReward: (input, ctx) => Reward.stationReward(ctx, input.caseId),
  decideReportReward: (input, ctx) => Reward.decideReward(ctx, input),
  // consultations (咨询, services/consult-station.ts)
  listConsultations: (input, ctx) => Consult.listSiteConsultations(ctx, input.scope),
  getConsultation: (input, ctx) => Consult.getSiteConsultation(ctx, input.consultationId),
  answerConsultation: (input, ctx) => Consult.answerSiteConsultation(ctx, input.consultationId, input.text, input.entryId),
  convertConsultation: (input, ctx) => Consult.convertSiteConsultation(ctx, input.consultationId, input.note),
  consultationOfCase: (input, ctx) => Consult.consultationOfCase(ctx, input.caseId),
  // 突发消费事件 and 案例推荐 (services/bursts/)
  burstList: (input, ctx) => Bursts.listBursts(ctx, input),
  burstMessage: (input, ctx) => Bursts.messageBurst(ctx, input),
  burstMediate: (input, ctx) => Bursts.mediateBurst(ctx, input),
  similarCases: (input, ctx) => similarCases(ctx, input.caseId),
  burstSettings: (input, ctx) => BurstSettings.getBurstSettings(ctx, input.siteId),
  saveBurstSettings: (input, ctx) => BurstSettings.saveBurstSettings(ctx, input),
  // 回访抽查 and the review of ratings below 80 % (services/callback/)
  callbackList: (input, ctx) => Callback.listCallbacks(ctx, input),
  callbackCase: (input, ctx) => Callback.callbackCase(ctx, input),
  callbackAttempt: (input, ctx) => Callback.callbackAttempt(ctx, input),
  callbackComplete: (input, ctx) => Callback.callbackComplete(ctx, input),
  callbackProgress: (input, ctx) => Callback.callbackProgressBySite(ctx, input),
  ratingReviews: (input, ctx) => Reviews.listRatingReviews(ctx, input.siteId),
  reviewRating: (input, ctx) => Reviews.reviewRating(ctx, input),
  // 统计 (services/stats-query.ts, stats-saved-queries.ts): read from the statistics cubes, never the case table
  stats: (input, ctx) => Stats.queryStats(ctx, input),
  saveStatsQuery: (input, ctx) => SavedStats.saveStatsQuery(ctx, input),
  listStatsQueries: (_input, ctx) => SavedStats.listStatsQueries(ctx),
  deleteStatsQuery: (input, ctx) => SavedStats.deleteStatsQuery(ctx, input.id),
  // 投诉信息公示 (services/public-settings.ts, public-objections.ts)
  publicSettings: (input, ctx) => getPublicSettings(ctx, input.siteId),
  savePublicThreshold: (input, ctx) => savePublicThreshold(ctx, input.siteId, input.threshold),
  listObjections: (input, ctx) => listObjections(ctx, input.siteId),
  decideObjection: (input, ctx) => decideObjection(ctx, input.objectionId, input.uphold, input.reason),
  // 消费投诉分析建议书 (services/letters/analysis-letters.ts)
  recordLetterDelivery: (input, ctx) => Letters.recordLetterDelivery(ctx, input),
  listLetterDeliveries: (input, ctx) => Letters.listLetterDeliveries(ctx, input),
  listPendingLetters: (_input, ctx) => listPendingLetters(ctx), // 待送达建议书 (services/letters/quarterly-letters.ts)
  letterPdf: (input, ctx) => letterPdfLink(ctx, input), // the letter's PDF in storage, a link (services/letters/letter-pdf-link.ts)
  // 导出与报表 in CloudBase: the file into storage, a short-lived link back (services/exports/cloud-exports.ts)
  exportSites: (_input, ctx) => exportSites(ctx),
  exportCases: (input, ctx) => CloudExports.cloudCaseExport(ctx, input),
  exportStats: (input, ctx) => CloudExports.cloudStatsExport(ctx, input),
  monthlyReport: (input, ctx) => CloudExports.cloudMonthlyReport(ctx, input),
  quarterlyReport: (input, ctx) => CloudExports.cloudQuarterlyReport(ctx, input),
  discardExport: (input, ctx) => CloudExports.discardExport(ctx, input.name),
  setIndustry: async (input, ctx) => {
    const role = ctx.caller.staff?.role
    if (role !== 'station' && role !== 'regulator') return fail('FORBIDDEN')
    return setCaseIndustry(ctx, role, input.caseId, { industry: input.industry, reason: input.reason })
  },
  // 标签 (services/case-tags.ts)
  listTags: (_input, ctx) => Tags.listActiveTags(ctx),
  caseTags: async (input, ctx) => {
    const role = ctx.caller.staff?.role
    if (role !== 'station' && role !== 'regulator') return fail('FORBIDDEN')
    return Tags.getCaseTags(ctx, role, input.caseId)
  },
  confirmTags: async (input, ctx) => {
    const role = ctx.caller.staff?.role
    if (role !== 'station' && role !== 'regulator') return fail('FORBIDDEN')
    return Tags.confirmCaseTags(ctx, role, input.caseId, input.tagIds)
  },
})
