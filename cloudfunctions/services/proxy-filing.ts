import type { CaseList } from '../../src/domain/case-view.schema'
import type { SubmitComplaint } from '../../src/domain/complaint.schema'
import { fail, ok, type Result } from '../../src/domain/errors'
import { IntakeSchema, receivedInstant, STATION_ONLY_CHANNELS, type Intake } from '../../src/domain/intake-channel'
import { loadSummaries } from './case-views'
import { DEFAULT_PAGE, type ServiceContext } from './context'
import { fileCase, type SubmitReceipt } from './submit-complaint'

const PROXY_POINT: Intake = IntakeSchema.parse({})

/**
 * 代帮办: staff at a proxy point or station file for someone who cannot use a smartphone. The helper
 * is recorded as the actor and attests that the privacy notice was read aloud and agreed to. The
 * case belongs to no device: the person follows it with the printed case number and query code.
 * Station staff file the same way for a 12345 hand-over, a caller or a visitor (`intake`, issue 17.5):
 * the channel is recorded, and a hand-over's clocks start from when it was received.
 */
export function fileForSomeone(ctx: ServiceContext, input: SubmitComplaint, intake: Intake = PROXY_POINT): Promise<Result<SubmitReceipt>> {
  const staff = ctx.caller.staff
  if (!staff || !ctx.caller.subject) return Promise.resolve(fail('UNAUTHENTICATED'))
  // a proxy point's helper files as the proxy point; hand-overs, calls and visitors are the station's (deny by default)
  if (STATION_ONLY_CHANNELS.includes(intake.channel) && staff.role !== 'station') return Promise.resolve(fail('FORBIDDEN'))
  const received = receivedInstant(intake, ctx.deps.clock.now())
  if (!received.ok) return Promise.resolve(received)
  const desk = intake.channel !== 'proxy'
  return fileCase(ctx.deps, input, {
    filedBy: `proxy:${staff.staffId}`,
    actor: { role: staff.role, id: staff.staffId },
    channel: intake.channel,
    consentMode: 'read_aloud',
    attestedBy: staff.staffId,
    uploader: ctx.caller.subject, // files go up from the helper's own browser
    receivedAt: received.data,
    // as typed, one string (the digest keeps top-level keys only): a retry must send the same channel, number and time
    intakeAsSent: desk ? [intake.channel, intake.handoverNo, intake.receivedAt].join('|') : undefined,
    // the submitted event says how it came in: the 转办单号 and the received time are on record, hashed
    intake: desk
      ? { kind: 'intake', channel: intake.channel, handoverNo: intake.handoverNo, receivedAt: received.data.toISOString() }
      : undefined,
  })
}

/** The helper's own filings, newest first: summaries only (no name or phone of the people helped). */
export async function listMyFilings(ctx: ServiceContext): Promise<Result<CaseList>> {
  const staff = ctx.caller.staff
  if (!staff) return fail('UNAUTHENTICATED')
  const cases = await ctx.deps.store.listCasesFiledBy(`proxy:${staff.staffId}`, DEFAULT_PAGE)
  return ok({ items: await loadSummaries(ctx.deps, cases) })
}
