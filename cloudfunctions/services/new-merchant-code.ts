import { AppFailure, appError } from '../../src/domain/errors'
import { MERCHANT_CODE_BYTES, merchantCodeFrom } from '../../src/domain/merchant/merchant-code'
import type { Deps } from './context'

const ATTEMPTS = 8

/**
 * A QR code no shop has yet. With ~887 million codes a draw rarely collides; eight collisions in a
 * row mean something else is wrong (a broken random source), which is ours to fix, not the caller's.
 * Two imports racing to the same fresh code are stopped by the column's unique constraint.
 */
export async function newMerchantCode(deps: Pick<Deps, 'store' | 'secrets'>): Promise<string> {
  for (let i = 0; i < ATTEMPTS; i++) {
    const code = merchantCodeFrom(deps.secrets.randomBytes(MERCHANT_CODE_BYTES))
    if (code && !(await deps.store.findMerchantByCode(code))) return code
  }
  throw new AppFailure(appError('INTERNAL'))
}
