import Taro from '@tarojs/taro'
import { useEffect } from 'react'
import { ComplaintForm } from '../../../components/complaint-form'
import { PageShell } from '../../../components/page-shell'
import { ShopBlock } from '../../../components/shop-block'
import { ShopSearch } from '../../../components/shop-search'
import type { MerchantEntry } from '../../../domain/merchant.schema'
import { keepReceipt, type Receipt } from '../../../hooks/receipt-store'
import { useComplaintDraft } from '../../../hooks/use-complaint-draft'
import { PAGES, withQuery } from '../../routes'

// A shopper filing on their own phone. With a scanned shop (`entry`) the shop is fixed; without
// one the person finds it by name, and the chosen shop is kept in the draft like everything else.
// The draft's scope keeps a scanned shop's draft apart from the search draft.
export function ConsumerFiling({ entry }: { entry: MerchantEntry | null }) {
  const api = useComplaintDraft(entry ? entry.merchant.code : 'search')
  const { setShop } = api

  useEffect(() => {
    if (entry) setShop(entry) // the scan decides the shop, and with it the default industry
  }, [entry, setShop])

  const submitted = (receipt: Receipt) => {
    // the query code is never retrievable again: hand it over in storage, never in the URL
    keepReceipt(receipt)
    void Taro.redirectTo({ url: withQuery(PAGES.submitted, { caseId: receipt.caseId, caseNo: receipt.caseNo }) })
  }

  const chosen = api.draft.shop
  return (
    <PageShell title="我要投诉" className="complaint" elderlySwitch>
      <ComplaintForm
        mode="self"
        draft={api}
        onSubmitted={submitted}
        renderShop={(error) => {
          if (entry) return <ShopBlock entry={entry} error={error} />
          if (chosen) return <ShopBlock entry={chosen} error={error} onChange={() => setShop(null)} />
          return <ShopSearch onSelect={setShop} error={error ? '请先选择要投诉的商户' : undefined} />
        }}
      />
    </PageShell>
  )
}
