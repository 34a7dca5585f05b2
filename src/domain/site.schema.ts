import { z } from 'zod'
import { ClockSettingsSchema } from './clocks/clock-settings'

export const SiteSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  address: z.string(),
  /** the station's phone, printed on posters and receipts */
  hotline: z.string(),
  /** the regulator's area (district bureau's jurisdiction) it belongs to: its notification contacts apply here too */
  areaId: z.string().min(1).max(64).optional(),
  /** the site's own clock numbers where they differ from the defaults */
  clockSettings: ClockSettingsSchema.default({ amounts: {}, completion: {} }),
})
export type Site = z.infer<typeof SiteSchema>
