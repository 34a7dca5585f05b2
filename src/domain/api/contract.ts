import { z } from 'zod'
import { CASE_STATUSES } from '../case.schema'
import { CaseDetailSchema, CaseListSchema, CaseSummarySchema } from '../case-view.schema'
import { SubmitComplaintSchema } from '../complaint.schema'
import { STAFF_ROLES } from '../identity'
import { MerchantCodeSchema, MerchantEntrySchema } from '../merchant.schema'

// The one contract between the app and the functions: function → action → { input, output }.
// The app's gateway is typed by it; each cloud function validates its input against it.
const NoInput = z.object({})
const CaseIdInput = z.object({ caseId: z.string({ error: '缺少案件编号' }).min(1).max(64) })

export const SubmitReceiptSchema = z.object({
  caseId: z.string(),
  caseNo: z.string(),
  status: z.enum(CASE_STATUSES),
  createdAt: z.string(),
  nextStep: z.string(),
})

export const MerchantHomeSchema = z.object({
  merchant: z.object({ code: z.string(), name: z.string(), siteName: z.string() }),
  cases: z.array(CaseSummarySchema),
})

export const StaffMeSchema = z.object({
  displayName: z.string(),
  role: z.enum(STAFF_ROLES),
  siteName: z.string().nullable(),
})

export const StationBoardSchema = z.object({
  siteName: z.string().nullable(),
  items: z.array(CaseSummarySchema),
})

export const API = {
  consumer: {
    getMerchantEntry: { input: z.object({ code: MerchantCodeSchema }), output: MerchantEntrySchema },
    submitComplaint: { input: SubmitComplaintSchema, output: SubmitReceiptSchema },
    listMyCases: { input: NoInput, output: CaseListSchema },
    getMyCase: { input: CaseIdInput, output: CaseDetailSchema },
  },
  merchant: {
    getHome: { input: NoInput, output: MerchantHomeSchema },
  },
  station: {
    me: { input: NoInput, output: StaffMeSchema },
    listCases: { input: NoInput, output: StationBoardSchema },
  },
} as const

export type Api = typeof API
export type FunctionName = keyof Api
export type ActionName<F extends FunctionName> = keyof Api[F] & string
type Spec<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends {
  input: infer I extends z.ZodType
  output: infer O extends z.ZodType
}
  ? { input: I; output: O }
  : never
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = z.input<Spec<F, A>['input']>
export type ActionParsedInput<F extends FunctionName, A extends ActionName<F>> = z.output<Spec<F, A>['input']>
export type ActionOutput<F extends FunctionName, A extends ActionName<F>> = z.output<Spec<F, A>['output']>

export const FUNCTION_NAMES = Object.keys(API) as FunctionName[]

export function isFunctionName(name: string): name is FunctionName {
  return Object.prototype.hasOwnProperty.call(API, name)
}
