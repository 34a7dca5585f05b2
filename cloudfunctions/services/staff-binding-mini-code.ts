import { fail, ok, type Result } from '../../src/domain/errors'
import { BINDING_PAGE } from '../../src/domain/staff/staff-api'
import type { MiniCodeSource } from '../ports/mini-code'
import type { ServiceContext } from './context'
import { staffInReach } from './staff-reach'

const BINDING_MINI_CODE_WIDTH = 430

/**
 * A binding code drawn as a mini-program code (wxacode.getUnlimited): scanning it opens the binding
 * page, which redeems its `scene` as a typed code (docs/admin-pages.md). The issuer sends the code it
 * was just shown, as registry.inviteMiniCode does, because only the code's hash is stored.
 *
 * Why the code is not looked up here: the store has no read of a binding code by hash (only the
 * redeeming transaction reads one), and a picture of a wrong or dead code grants nothing — the bind
 * page redeems exactly what it reads, and the caller holds the code anyway. What is checked is the
 * account: an administrator's any, a station's own site's (staffInReach, STAFF_NOT_FOUND otherwise),
 * so nobody draws codes that name an account outside their reach, and WeChat is asked only then.
 */
export async function bindingMiniCode(
  ctx: ServiceContext,
  input: { staffId: string; code: string },
  source: MiniCodeSource | undefined,
): Promise<Result<{ contentType: string; base64: string }>> {
  const reach = await staffInReach(ctx, input.staffId)
  if (!reach.ok) return reach
  if (reach.data.disabledAt) return fail('STAFF_NOT_FOUND') // its codes bind nobody: nothing worth drawing
  if (!source) return fail('MINI_CODE_UNAVAILABLE')
  const image = await source.render({ scene: input.code, page: BINDING_PAGE, width: BINDING_MINI_CODE_WIDTH })
  if (!image.ok) return image
  return ok({ contentType: image.data.contentType, base64: Buffer.from(image.data.bytes).toString('base64') })
}
