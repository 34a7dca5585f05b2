import { CaseDetailSchema, CaseListSchema } from '../case-view.schema'
import { LookupInputSchema } from '../lookup-input'
import * as Reward from '../report-reward/report-reward-reporter'
import { CONSUMER_CONSULT_API } from '../consult/consult-consumer-api'
import { PUBLIC_CONSUMER_API } from '../public-records/public-records-consumer-api'
import { NoInput, CaseIdInput, actionInput, ActionOutcomeSchema } from './action-schemas'
import { CONSUMER_FORM_API } from './consumer-form-contract'

// The consumer function's actions: what a shopper's pages call (the QR poster's complaint form,
// lookup, the shopper's own cases, consultations). Its own file so that those pages load these
// schemas and no staff function's (docs/first-page.md); contract.ts gathers every function.
export const CONSUMER_API = {
  // the complaint form's own actions (the shop, search, filing, speech, uploads): consumer-form-contract.ts
  ...CONSUMER_FORM_API,
  listMyCases: { input: NoInput, output: CaseListSchema },
  getMyCase: { input: CaseIdInput, output: CaseDetailSchema },
  lookupCase: { input: LookupInputSchema, output: CaseDetailSchema },
  /** 举报奖励: the report number + query code (anonymous reporters too) and how to be paid */
  applyReportReward: { input: Reward.ApplyRewardInputSchema, output: Reward.ReporterRewardViewSchema },
  reportRewardStatus: { input: Reward.RewardLookupInputSchema, output: Reward.ReporterRewardViewSchema },
  actOnMyCase: { input: actionInput(['withdraw', 'acceptOffer', 'refuseOffer', 'rate'], 0), output: ActionOutcomeSchema },
  // consultations (咨询): ask, follow, confirm a conversion (src/domain/consult/consult-consumer-api.ts)
  ...CONSUMER_CONSULT_API,
  // 投诉信息公示 (src/domain/public-records): the page of a site, for anyone
  ...PUBLIC_CONSUMER_API,
} as const
