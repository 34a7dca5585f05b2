import { defineFunction } from '../../runtime/define-function'
import { getMyCase, listMyCases } from '../../services/consumer-cases'
import { getMerchantEntry } from '../../services/merchant-entry'
import { submitComplaint } from '../../services/submit-complaint'

export const consumerFunction = defineFunction('consumer', {
  getMerchantEntry: (input, ctx) => getMerchantEntry(ctx.deps, input.code),
  submitComplaint: (input, ctx) => submitComplaint(ctx, input),
  listMyCases: (_input, ctx) => listMyCases(ctx),
  getMyCase: (input, ctx) => getMyCase(ctx, input.caseId),
})
