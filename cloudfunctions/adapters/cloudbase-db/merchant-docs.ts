import { z } from 'zod'
import { MerchantSchema, type Merchant } from '../../../src/domain/merchant.schema'
import type { Vault } from '../../ports/system'
import { compoundId } from './doc-codec'
import { parseDoc } from './doc-reads'

// A shop as a document in COLLECTIONS.merchants: the domain Merchant's fields, _id = its id, except
// its contact person (name and phone: personal data), which is sealed into `contactSealed` as the
// SQL store seals contact_sealed (null when the shop gave none). Shared by the directory store (which
// writes shops) and the registry store (which finds them by credit code).

export type MerchantDoc = Omit<Merchant, 'id' | 'contactName' | 'contactPhone'> & { _id: string; contactSealed: string | null }

const MerchantContactSchema = z.object({ name: z.string(), phone: z.string() })

export function merchantToDoc(vault: Vault, m: Merchant): MerchantDoc {
  const { id, contactName, contactPhone, ...fields } = m
  return {
    _id: id,
    ...fields,
    contactSealed: contactName || contactPhone ? vault.seal(JSON.stringify({ name: contactName, phone: contactPhone })) : null,
  }
}

/** Shops carry their contact sealed: the mapper needs the vault to open it. */
export const merchantDocMapper =
  (vault: Vault) =>
  (doc: Record<string, unknown> & { _id: string }): Merchant => {
    const sealed = typeof doc.contactSealed === 'string' ? doc.contactSealed : null
    const contact = sealed ? MerchantContactSchema.parse(JSON.parse(vault.open(sealed))) : { name: '', phone: '' }
    const { contactSealed: _sealed, ...rest } = doc
    return parseDoc(MerchantSchema, { ...rest, contactName: contact.name, contactPhone: contact.phone })
  }

/** The guard of a credit code within a site (COLLECTIONS.merchantUsccs): `${siteId}:${uscc}`, parts escaped. */
export const usccGuardId = (siteId: string, uscc: string) => compoundId(siteId, uscc)
