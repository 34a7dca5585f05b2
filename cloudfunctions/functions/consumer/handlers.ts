import { defineFunction } from '../../runtime/define-function'
import { actOnCase, stepOf } from '../../services/case-actions'
import { submitComplaint } from '../../services/consumer-filing'
import { getMyCase, listMyCases, lookupCase } from '../../services/consumer-cases'
import { applyForReward, rewardStatus } from '../../services/report-reward/report-reward'
import { getMerchantEntry, searchMerchants } from '../../services/merchant-entry'
import { registerUpload } from '../../services/evidence/register-upload'
import { transcribeAudio } from '../../services/transcribe-audio'
import { extractText } from '../../services/extract-text'
import * as Consult from '../../services/consult-consumer'
import { publicRecords } from '../../services/public-records'

export const consumerFunction = defineFunction('consumer', {
  getMerchantEntry: (input, ctx) => getMerchantEntry(ctx.deps, input.code),
  searchMerchants: (input, ctx) => searchMerchants(ctx.deps, input.query),
  extractText: (input, ctx) => extractText(ctx.deps, input.text),
  submitComplaint: (input, ctx) => submitComplaint(ctx, input),
  listMyCases: (_input, ctx) => listMyCases(ctx),
  getMyCase: (input, ctx) => getMyCase(ctx, input.caseId),
  lookupCase: (input, ctx) => lookupCase(ctx, input.caseNo, input.queryCode),
  applyReportReward: (input, ctx) => applyForReward(ctx, input),
  reportRewardStatus: (input, ctx) => rewardStatus(ctx, input.lookup),
  actOnMyCase: (input, ctx) => actOnCase(ctx, 'consumer', input.caseId, stepOf(input)),
  transcribeAudio: (input, ctx) => transcribeAudio(ctx, input.evidenceId),
  registerUpload: (input, ctx) => registerUpload(ctx, input),
  // consultations (咨询, services/consult-consumer.ts)
  consultSites: (_input, ctx) => Consult.consultSites(ctx),
  askConsultation: (input, ctx) => Consult.askConsultation(ctx, input),
  listMyConsultations: (_input, ctx) => Consult.listMyConsultations(ctx),
  getMyConsultation: (input, ctx) => Consult.getMyConsultation(ctx, input.consultationId),
  lookupConsultation: (input, ctx) => Consult.lookupConsultation(ctx, input.consultNo, input.queryCode),
  linkConsultationCase: (input, ctx) => Consult.linkConsultationCase(ctx, input.consultationId, input.caseId),
  // 投诉信息公示 (services/public-records.ts): public, cached in the process for a minute
  publicRecords: (input, ctx) => publicRecords(ctx.deps, input.siteId),
})
