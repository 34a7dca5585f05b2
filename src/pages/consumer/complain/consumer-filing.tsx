import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { CallHuman } from '../../../components/call-human'
import { ComplaintForm } from '../../../components/complaint-form'
import { LookupEntry } from '../../../components/lookup-entry'
import { PageShell } from '../../../components/page-shell'
import { ShopBlock } from '../../../components/shop-block'
import { ShopSearch } from '../../../components/shop-search'
import type { MerchantEntry } from '../../../domain/merchant.schema'
import { keepReceipt, type Receipt } from '../../../hooks/receipt-store'
import { useComplaintDraft } from '../../../hooks/use-complaint-draft'
import { forgetIdentity, readIdentity, rememberIdentity } from '../../../hooks/remembered-identity'
import { RememberedNote } from './remembered-note'
import { linkPendingConversion } from '../consult/conversion'
import { ConsultEntry } from '../consult/consult-entry'
import { PAGES, withQuery } from '../../routes'

// A shopper filing on their own phone. With a scanned shop (`entry`) the shop is fixed; without
// one the person finds it by name, and the chosen shop is kept in the draft like everything else.
// The draft's scope keeps a scanned shop's draft apart from the search draft.
export function ConsumerFiling({ entry }: { entry: MerchantEntry | null }) {
  const api = useComplaintDraft(entry ? entry.merchant.code : 'search')
  const { setShop, patchFields } = api
  const f = api.draft.fields
  const [prefilled, setPrefilled] = useState(false)

  // A form nobody has touched yet starts with who filed last on this phone (kept on the phone only).
  // A form already begun keeps what it holds, so the draft restored by a reload wins.
  useEffect(() => {
    const untouched = !f.name && !f.phone && !f.address && !f.description
    const last = untouched ? readIdentity() : null
    if (!last) return
    patchFields(last)
    setPrefilled(true)
    // once, when the page (or another shop's draft) opens
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [entry?.merchant.code])

  const forget = () => {
    forgetIdentity()
    patchFields({ name: '', phone: '', address: '' })
    setPrefilled(false)
  }

  useEffect(() => {
    if (entry) setShop(entry) // the scan decides the shop, and with it the default industry
  }, [entry, setShop])

  const submitted = (receipt: Receipt) => {
    // the query code is never retrievable again: hand it over in storage, never in the URL
    keepReceipt(receipt)
    // a complaint a consultation asked for (转为投诉) is linked to it; any other filing leaves nothing to link
    void linkPendingConversion(receipt.caseId)
    // remembered on this phone for the next complaint; an anonymous report leaves nothing behind
    if (!(f.kind === 'report' && f.anonymous)) rememberIdentity({ name: f.name.trim(), phone: f.phone.trim(), address: f.address.trim() })
    void Taro.redirectTo({ url: withQuery(PAGES.submitted, { caseId: receipt.caseId, caseNo: receipt.caseNo }) })
  }

  const chosen = api.draft.shop
  return (
    <PageShell title="我要投诉" className="complaint" elderlySwitch>
      <ComplaintForm
        mode="self"
        draft={api}
        onSubmitted={submitted}
        afterShop={
          <>
            <LookupEntry />
            <ConsultEntry merchantCode={entry?.merchant.code ?? null} />
          </>
        }
        identityNote={<RememberedNote prefilled={prefilled} onForget={forget} />}
        renderShop={(error) => {
          if (entry) return <ShopBlock entry={entry} error={error} />
          if (chosen) return <ShopBlock entry={chosen} error={error} onChange={() => setShop(null)} />
          return <ShopSearch onSelect={setShop} error={error ? '请先选择要投诉的商户' : undefined} />
        }}
      />
      <CallHuman hotline={(entry ?? chosen)?.site.hotline} siteName={(entry ?? chosen)?.site.name} />
    </PageShell>
  )
}
