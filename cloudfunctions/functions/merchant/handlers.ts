import { defineFunction } from '../../runtime/define-function'
import { getMerchantHome } from '../../services/merchant-home'

export const merchantFunction = defineFunction('merchant', {
  getHome: (_input, ctx) => getMerchantHome(ctx),
})
