import { fail, ok, type Result } from '../../src/domain/errors'
import { INVITE_PAGE } from '../../src/domain/merchant/invite'
import type { MiniCodeSource } from '../ports/mini-code'
import type { ServiceContext } from './context'
import { merchantInScope } from './registry-scope'

const INVITE_MINI_CODE_WIDTH = 430

/**
 * An invite drawn as a mini-program code (wxacode.getUnlimited): scanning it opens the join page,
 * whose `scene` is redeemed like a typed code, so the scanning OPENID becomes a PENDING member.
 *
 * Why the scene is the invite code itself, and why the caller sends it: only the code's hash is
 * stored, so the server cannot recover the code from the invite's id, and the join page redeems
 * exactly what it reads. A separate short token would need a second stored secret that grants the
 * same thing — whoever holds the picture can join, exactly as with the H5 QR, whose link carries the
 * code in clear. The code stays secret from everyone the station does not show it to; approval by
 * the station is what guards the shop's cases. The code is 12 characters (≤ WeChat's 32).
 */
export async function inviteMiniCode(
  ctx: ServiceContext,
  input: { inviteId: string; code: string },
  source: MiniCodeSource | undefined,
): Promise<Result<{ contentType: string; base64: string }>> {
  const { store, secrets, clock } = ctx.deps
  const invite = await store.getInvite(input.inviteId)
  // another site's invite, a code that is not this invite's, or a dead invite: all simply not found
  const scoped = invite ? await merchantInScope(ctx, invite.merchantId) : null
  const live = invite && !invite.withdrawnAt && invite.expiresAt > clock.now().toISOString()
  if (!invite || !scoped?.ok || !live || secrets.hashToken(input.code) !== invite.codeHash) return fail('INVITE_NOT_FOUND')
  if (!source) return fail('MINI_CODE_UNAVAILABLE')
  const image = await source.render({ scene: input.code, page: INVITE_PAGE, width: INVITE_MINI_CODE_WIDTH })
  if (!image.ok) return image
  return ok({ contentType: image.data.contentType, base64: Buffer.from(image.data.bytes).toString('base64') })
}
