import { defineFunction } from '../../runtime/define-function'
import { actOnCase } from '../../services/case-actions'
import { getMerchantHome } from '../../services/merchant-home'

export const merchantFunction = defineFunction('merchant', {
  getHome: (_input, ctx) => getMerchantHome(ctx),
  actOnCase: (input, ctx) => actOnCase(ctx, 'merchant', input.caseId, input.caseAction, input.reason),
})
