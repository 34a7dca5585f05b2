import { CaseListSchema } from '../case-view.schema'
import { NoInput, ProxyFilingSchema, SubmitReceiptSchema } from './action-schemas'

// The proxy function's actions: a helper (or the station) files a complaint for someone in person.
export const PROXY_API = {
  fileComplaint: { input: ProxyFilingSchema, output: SubmitReceiptSchema },
  /** the cases this staff account filed for someone, newest first: the helper's desk after login */
  listMyFilings: { input: NoInput, output: CaseListSchema },
} as const
