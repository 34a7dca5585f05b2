import type { z } from 'zod'
import { fail, ok, type Result } from '../../src/domain/errors'
import type { Merchant } from '../../src/domain/merchant.schema'
import { parseMerchantCsv } from '../../src/domain/merchant/merchant-csv'
import { applyImportedRow, csvHeaderFields, merchantFromInput } from '../../src/domain/merchant/merchant-from-input'
import type { ImportResultSchema } from '../../src/domain/merchant/registry-api'
import type { ServiceContext } from './context'
import { newMerchantCode } from './new-merchant-code'
import { registrySite } from './registry-scope'

type ImportResult = z.infer<typeof ImportResultSchema>

const same = (a: Merchant, b: Merchant) => (Object.keys(a) as (keyof Merchant)[]).every((k) => a[k] === b[k])

/**
 * A whole mall from a spreadsheet. Good rows are kept even when others are bad (the station fixes
 * those and imports again); a row whose credit code the site already has updates that shop, so
 * importing the same file twice creates nothing twice and `updated` counts only real changes.
 * Rows are written one by one, not in one transaction: if the store fails half-way, importing the
 * file again finishes the job, because the upsert by credit code makes that safe.
 */
export async function importMerchantsCsv(ctx: ServiceContext, siteId: string | undefined, csv: string): Promise<Result<ImportResult>> {
  const site = await registrySite(ctx, siteId)
  if (!site.ok) return site
  const parsed = parseMerchantCsv(csv)
  if (parsed.fileError) return fail('CSV_UNREADABLE', { csv: parsed.fileError })

  const { store, ids } = ctx.deps
  const present = csvHeaderFields(csv)
  const byUscc = new Map((await store.listMerchantsOfSite(site.data.id)).filter((m) => m.uscc).map((m) => [m.uscc, m]))
  let created = 0
  let updated = 0
  for (const { input } of parsed.good) {
    const before = byUscc.get(input.uscc)
    if (before) {
      const after = applyImportedRow(before, input, present)
      if (same(before, after)) continue
      await store.saveMerchant(after)
      updated++
    } else {
      const merchant = merchantFromInput(input, { id: ids.newId(), siteId: site.data.id, code: await newMerchantCode(ctx.deps) })
      await store.saveMerchant(merchant)
      byUscc.set(merchant.uscc, merchant)
      created++
    }
  }
  return ok({ created, updated, bad: parsed.bad })
}
