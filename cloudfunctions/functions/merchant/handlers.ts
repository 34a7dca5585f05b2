import { defineFunction } from '../../runtime/define-function'
import { actOnCase, stepOf } from '../../services/case-actions'
import { getMerchantCase, getMerchantHome } from '../../services/merchant-home'

export const merchantFunction = defineFunction('merchant', {
  getHome: (_input, ctx) => getMerchantHome(ctx),
  getCase: (input, ctx) => getMerchantCase(ctx, input.caseId),
  actOnCase: (input, ctx) => actOnCase(ctx, 'merchant', input.caseId, stepOf(input)),
})
