import { z } from 'zod'
import { ROLES } from './identity'

// The in-app inbox: every role has one, whatever other channels are switched on. A message names
// the case it is about so the app can open it; titles and bodies come from src/domain/notify.
export const InboxEntrySchema = z.object({
  id: z.string().min(1),
  recipient: z.object({ role: z.enum(ROLES), id: z.string() }),
  caseId: z.string(),
  template: z.string(),
  title: z.string(),
  body: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  readAt: z.iso.datetime({ offset: true }).nullable(),
})
export type InboxEntry = z.infer<typeof InboxEntrySchema>

/** What the app shows: never the recipient's internal id. */
export const InboxViewSchema = z.object({
  unread: z.number().int().nonnegative(),
  items: z.array(InboxEntrySchema.omit({ recipient: true })),
})
export type InboxView = z.infer<typeof InboxViewSchema>
