import { z } from 'zod'
import { InboxViewSchema } from '../inbox.schema'
import { SUBSCRIBE_SLOTS } from '../notify/subscribe-messages'
import { NoInput } from './action-schemas'
import { InboxRole, ParkedListSchema } from './staff-action-schemas'

// The inbox function's actions (every role's in-app inbox and the delivery of notifications, issue 6).
// One file per cloud function, so the app loads only the schemas of the function it calls
// (src/api/function-contracts.ts); contract.ts gathers them all for the server.
export const INBOX_API = {
  list: { input: InboxRole, output: InboxViewSchema },
  markRead: {
    input: InboxRole.extend({ ids: z.array(z.string().min(1).max(64)).max(100) }),
    output: z.object({ marked: z.number().int() }),
  },
  /** the subscribe-message templates the person just allowed (WeChat prompt at submit time) */
  recordSubscriptions: {
    input: z.object({ accepted: z.array(z.enum(SUBSCRIBE_SLOTS)).max(3, { error: '一次最多3个' }) }),
    output: z.object({ recorded: z.number().int() }),
  },
  parked: { input: NoInput, output: ParkedListSchema },
  requeue: { input: z.object({ id: z.string().min(1).max(64) }), output: z.object({ requeued: z.boolean() }) },
} as const
