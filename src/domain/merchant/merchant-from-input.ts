import type { Merchant } from '../merchant.schema'
import { parseCsvRecords } from './csv-records'
import { mapHeader, type MerchantCsvField } from './merchant-csv-columns'
import type { MerchantInput } from './merchant-input.schema'

type Identity = Pick<Merchant, 'id' | 'siteId' | 'code'>

/** A shop as the form or an import row registers it; field by field, so nothing else rides along. */
export function merchantFromInput(input: MerchantInput, identity: Identity): Merchant {
  return {
    ...identity,
    name: input.name,
    uscc: input.uscc,
    address: input.address,
    booth: input.booth,
    industry: input.industry,
    doubleCommitmentSigned: input.doubleCommitmentSigned,
    responseMinutes: input.responseMinutes,
    onSiteMinutes: input.onSiteMinutes,
    contactName: input.contactName,
    contactPhone: input.contactPhone,
  }
}

/** The fields an import's header names (a template may leave out 地址, 联系人 …). */
export function csvHeaderFields(text: string): Set<MerchantCsvField> {
  const parsed = parseCsvRecords(text)
  const header = parsed.ok ? parsed.records[0] : undefined
  const columns = header ? mapHeader(header.cells) : null
  return new Set(columns?.ok ? (Object.keys(columns.index) as MerchantCsvField[]) : [])
}

/**
 * An import row applied to the shop already registered under its credit code. The sheet wins for
 * the columns it has; a column the sheet does not have keeps the stored value (a list without
 * 联系电话 must not wipe every shop's phone), and so do the commitment minutes, which the
 * template has no column for — re-importing a mall never undoes what the station set by hand.
 */
export function applyImportedRow(before: Merchant, input: MerchantInput, present: ReadonlySet<MerchantCsvField>): Merchant {
  const from = (field: MerchantCsvField): MerchantInput | Merchant => (present.has(field) ? input : before)
  return {
    ...before,
    name: from('name').name,
    address: from('address').address,
    booth: from('booth').booth,
    industry: from('industry').industry,
    doubleCommitmentSigned: from('doubleCommitmentSigned').doubleCommitmentSigned,
    contactName: from('contactName').contactName,
    contactPhone: from('contactPhone').contactPhone,
  }
}
