import { z } from 'zod'
import { QuarterSchema } from '../letters/letter-delivery.schema'
import { CalendarDaySchema, StatsQuerySchema } from '../metrics/stats-query.schema'

// The function actions of 导出与报表 where there is no host to stream from (CloudBase and the
// mini-program; docs/cloud-exports.md). Each builds the same file as the host's GET /export/… route,
// with the same services and writers, puts it into storage and answers a link that opens it for a
// few minutes. The services check the inputs again with their own rules (ranges, scope, the row cap).

export { CLOUD_EXPORT_LINK_MINUTES, CLOUD_EXPORT_MAX_ROWS } from './cloud-export-limits'

const SiteId = z.string().min(1).max(64).optional()

export const CloudCaseExportInput = z.object({
  siteId: SiteId,
  from: CalendarDaySchema,
  to: CalendarDaySchema,
  format: z.enum(['csv', 'xlsx'], { error: '请选择文件格式' }),
  /** 含投诉人信息: only honoured for a role that may see it, and then every exported case is logged */
  personal: z.boolean().default(false),
  /**
   * Which file of the range (1 first): a range with more than CLOUD_EXPORT_MAX_ROWS cases comes as several
   * files of at most that many, oldest-created last as on the host, each asked for by its number.
   */
  part: z.number({ error: '文件序号应为数字' }).int({ error: '文件序号应为整数' }).min(1, { error: '文件序号从1开始' }).max(999).default(1),
  /** the first file's `part.until`, sent back with the next files: cases filed since then shift no window */
  until: z.iso.datetime({ offset: true, error: '导出时间不正确，请重新导出' }).optional(),
})

export const CloudMonthlyReportInput = z.object({
  siteId: SiteId,
  month: z.string().regex(/^20\d{2}-(0[1-9]|1[0-2])$/, { error: '月份格式应为 YYYY-MM（2000年至2099年）' }),
})

export const CloudQuarterlyReportInput = z.object({ siteId: SiteId, quarter: QuarterSchema })

export const EXPORT_FILE_TYPES = ['csv', 'xlsx', 'pdf'] as const

/** A made file: where to fetch it (until expiresAt), what to call it and how to open it. */
/** The file's place in storage, "<day>/<id>.<ext>": what station.discardExport takes back. */
export const ExportNameSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}\/[a-z0-9][a-z0-9-]{7,80}\.(csv|xlsx|pdf)$/, { error: '文件名不正确' })

export const ExportFileSchema = z.object({
  name: ExportNameSchema,
  url: z.string().min(1),
  fileName: z.string().min(1),
  /** Taro.openDocument's fileType */
  fileType: z.enum(EXPORT_FILE_TYPES),
  bytes: z.number().int().nonnegative(),
  /** cases in a case export; null for the statistics and the reports */
  rows: z.number().int().nonnegative().nullable(),
  expiresAt: z.string(),
  /** a case export split into files (CLOUD_EXPORT_MAX_ROWS each): this file's number, how many, the range's cases */
  part: z
    .object({ index: z.number().int().min(1), of: z.number().int().min(1), total: z.number().int().nonnegative(), until: z.string() })
    .optional(),
})
export type ExportFile = z.infer<typeof ExportFileSchema>

export const ExportSiteListSchema = z.array(z.object({ id: z.string(), name: z.string() }))

export const STATION_EXPORT_API = {
  /** the sites the caller may choose on 导出与报表: its own, or every site for those without one */
  exportSites: { input: z.object({}), output: ExportSiteListSchema },
  /** 导出案件 (CSV/XLSX): at most CLOUD_EXPORT_MAX_ROWS cases per file; a larger range in numbered parts */
  exportCases: { input: CloudCaseExportInput, output: ExportFileSchema },
  /** 导出统计 (XLSX): the statistics' answer as sheets */
  exportStats: { input: StatsQuerySchema, output: ExportFileSchema },
  /** 月度工作动态 (PDF) */
  monthlyReport: { input: CloudMonthlyReportInput, output: ExportFileSchema },
  /** 季度消费投诉形势分析 (PDF) */
  quarterlyReport: { input: CloudQuarterlyReportInput, output: ExportFileSchema },
  /** the phone has the file: delete it from storage now rather than when the lifecycle rule comes round */
  discardExport: { input: z.object({ name: ExportNameSchema }), output: z.object({ discarded: z.literal(true) }) },
} as const
