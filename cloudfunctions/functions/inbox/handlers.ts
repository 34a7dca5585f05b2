import { defineFunction } from '../../runtime/define-function'
import { listInbox, markInboxRead, recordSubscriptions } from '../../services/inbox'
import { listParked, requeueParked } from '../../services/parked-notifications'

export const inboxFunction = defineFunction('inbox', {
  list: (input, ctx) => listInbox(ctx, input.as),
  markRead: (input, ctx) => markInboxRead(ctx, input.as, input.ids),
  recordSubscriptions: (input, ctx) => recordSubscriptions(ctx, input.accepted),
  parked: (_input, ctx) => listParked(ctx),
  requeue: (input, ctx) => requeueParked(ctx, input.id),
})
