import { z } from 'zod'
import { ReportFindingDetailsSchema } from '../report-reward/report-finding'

// The station's fast-track and report-closing inputs and outputs (api/contract.ts names them).
export const FastTrackTeamSchema = z.object({
  /** the station accounts of the caller's site: who may be sent on site */
  items: z.array(z.object({ staffId: z.string(), displayName: z.string() })),
})

/** Where each check-in was made; for the station of the case's site only. */
export const CheckInLocationListSchema = z.object({
  items: z.array(
    z.object({
      at: z.string(),
      latitude: z.number(),
      longitude: z.number(),
      accuracy: z.number().nullable(),
    }),
  ),
})

export const ConcludeReportInputSchema = z.object({
  caseId: z.string({ error: '缺少案件编号' }).min(1).max(64),
  violationFound: ReportFindingDetailsSchema.shape.violationFound,
  note: ReportFindingDetailsSchema.shape.note,
})
