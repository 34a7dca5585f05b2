import { z } from 'zod'

export const SiteSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  address: z.string(),
  /** the station's phone, printed on posters and receipts */
  hotline: z.string(),
})
export type Site = z.infer<typeof SiteSchema>
