import type { SubmitComplaint } from '../../src/domain/complaint.schema'
import { fail, type Result } from '../../src/domain/errors'
import type { ServiceContext } from './context'
import { fileCase, type SubmitReceipt } from './submit-complaint'

/** The shopper files on their own phone: identity from the platform, consent given by themselves. */
export function submitComplaint(ctx: ServiceContext, input: SubmitComplaint): Promise<Result<SubmitReceipt>> {
  const subject = ctx.caller.subject
  if (!subject) return Promise.resolve(fail('UNAUTHENTICATED'))
  return fileCase(ctx.deps, input, {
    filedBy: subject,
    actor: { role: 'consumer', id: subject },
    channel: 'qr',
    consentMode: 'self',
    attestedBy: null,
    uploader: subject,
  })
}
