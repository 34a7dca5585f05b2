import type { z } from 'zod'
import { fail, ok, type Result } from '../../src/domain/errors'
import type { Merchant } from '../../src/domain/merchant.schema'
import { commitmentOf } from '../../src/domain/merchant/commitment'
import { merchantEntryPath, MINI_CODE_PAGE } from '../../src/domain/merchant/merchant-code'
import type { MiniCodeImageSchema, PosterDataSchema, PosterItemSchema } from '../../src/domain/merchant/registry-api'
import type { Site } from '../../src/domain/site.schema'
import type { MiniCodeSource } from '../ports/mini-code'
import type { ServiceContext } from './context'
import { merchantInScope, registrySite } from './registry-scope'

type PosterItem = z.infer<typeof PosterItemSchema>
type PosterData = z.infer<typeof PosterDataSchema>
type MiniCodeImage = z.infer<typeof MiniCodeImageSchema>

/** Large enough to print sharply on A4 at the poster's size. */
const MINI_CODE_WIDTH = 1280

function posterItem(m: Merchant, site: Site): PosterItem {
  return {
    merchantId: m.id,
    code: m.code,
    name: m.name,
    booth: m.booth,
    signed: m.doubleCommitmentSigned,
    commitment: commitmentOf(m),
    siteName: site.name,
    hotline: site.hotline,
    entryPath: merchantEntryPath(m.code),
  }
}

/**
 * What each A4 poster prints (the QR itself is drawn by the app: the H5 URL locally, the mini-program
 * code in the cloud). The named shops, or every shop of the site for a batch print; one shop outside
 * the caller's reach fails the whole request, so a batch never silently leaves a poster out.
 */
export async function posterData(ctx: ServiceContext, input: { siteId?: string; merchantIds?: string[] }): Promise<Result<PosterData>> {
  if (!input.merchantIds) {
    const site = await registrySite(ctx, input.siteId)
    if (!site.ok) return site
    const merchants = await ctx.deps.store.listMerchantsOfSite(site.data.id)
    return ok({ items: merchants.map((m) => posterItem(m, site.data)) })
  }
  const items: PosterItem[] = []
  for (const id of new Set(input.merchantIds)) {
    const scoped = await merchantInScope(ctx, id)
    if (!scoped.ok) return scoped
    items.push(posterItem(scoped.data.merchant, scoped.data.site))
  }
  return ok({ items })
}

/** The shop's mini-program code as base64, where a source exists (the cloud); scope is checked first. */
export async function miniCodeImage(
  ctx: ServiceContext,
  merchantId: string,
  source: MiniCodeSource | undefined,
): Promise<Result<MiniCodeImage>> {
  const scoped = await merchantInScope(ctx, merchantId)
  if (!scoped.ok) return scoped
  if (!source) return fail('MINI_CODE_UNAVAILABLE')
  const image = await source.render({ scene: scoped.data.merchant.code, page: MINI_CODE_PAGE, width: MINI_CODE_WIDTH })
  if (!image.ok) return image
  return ok({ contentType: image.data.contentType, base64: Buffer.from(image.data.bytes).toString('base64') })
}
