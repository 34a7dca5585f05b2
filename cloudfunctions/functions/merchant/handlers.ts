import { defineFunction } from '../../runtime/define-function'
import { actOnCase, stepOf } from '../../services/case-actions'
import { getMerchantCase, getMerchantHome } from '../../services/merchant-home'
import { myMemberships, redeemInvite } from '../../services/merchant-invites'
import { fileObjection, myObjections } from '../../services/public-objections'
import { merchantLetterSummary } from '../../services/letters/analysis-letters'

export const merchantFunction = defineFunction('merchant', {
  getHome: (_input, ctx) => getMerchantHome(ctx),
  getCase: (input, ctx) => getMerchantCase(ctx, input.caseId),
  actOnCase: (input, ctx) => actOnCase(ctx, 'merchant', input.caseId, stepOf(input)),
  redeemInvite: (input, ctx) => redeemInvite(ctx, input.code),
  myMemberships: (_input, ctx) => myMemberships(ctx),
  fileObjection: (input, ctx) => fileObjection(ctx, input.merchantId, input.reason),
  myObjections: (input, ctx) => myObjections(ctx, input.merchantId),
  letterSummary: (input, ctx) => merchantLetterSummary(ctx, input),
})
