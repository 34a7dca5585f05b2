import { CaseDetailSchema } from '../case-view.schema'
import * as Registry from '../merchant/registry-api'
import { PUBLIC_MERCHANT_API } from '../public-records/public-records-merchant-api'
import { MERCHANT_LETTER_API } from '../letters/letters-api'
import { NoInput, CaseIdInput, actionInput, ActionOutcomeSchema } from './action-schemas'
import { MerchantHomeSchema } from './staff-action-schemas'

// The merchant function's actions: a shop's clerk answers, offers and checks in; joins a shop.
export const MERCHANT_API = {
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
} as const
