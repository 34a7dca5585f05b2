import { useCallback, useRef, useState } from 'react'
import { call } from '../api'
import { DEMAND_LABELS } from '../domain/classification'
import type { Extraction } from '../domain/extract/extract-complaint'
import { proposeInto } from '../domain/extract/merge-proposal'
import type { MerchantEntry } from '../domain/merchant.schema'
import type { DraftFields } from './complaint-draft'
import type { ComplaintDraftApi } from './use-complaint-draft'

// After spoken text arrives: what the extractor (src/domain/extract) finds in the description —
// shop, date and time, amount, product, demands, problem type, industry — offered for the person to
// confirm, one tap per field or all at once. Only empty fields are offered (proposeInto), and the
// rows are worked out again on every render, so a field the person fills by hand meanwhile drops out.
type ProposedKey = 'purchaseDate' | 'purchaseClock' | 'amountYuan' | 'product' | 'problemType' | 'industry' | 'demands'
type ProposableFields = Pick<DraftFields, ProposedKey>

export interface ProposalRow {
  key: ProposedKey | 'shop'
  label: string
  value: string
  /** the words it came from */
  source: string
}

const LABELS: Record<ProposedKey, string> = {
  purchaseDate: '消费日期',
  purchaseClock: '具体时间',
  amountYuan: '涉及金额',
  product: '商品或服务',
  problemType: '问题类型',
  industry: '所属行业',
  demands: '诉求',
}
const SOURCE: Record<ProposedKey, keyof Extraction> = {
  purchaseDate: 'purchaseTime',
  purchaseClock: 'purchaseTime',
  amountYuan: 'amountYuan',
  product: 'product',
  problemType: 'problemType',
  industry: 'industry',
  demands: 'demands',
}
const MIN_SHOP_CONFIDENCE = 0.5

// The extractor (dates, amounts, products, shops and their lexicons) is loaded when spoken words first
// arrive, not with the complaint page: most people type, and the page a QR code opens must come fast
// (docs/first-page.md). On H5 this is a chunk of its own; on weapp Taro turns import() into require().
// Offers made meanwhile wait on the same promise, so they still resolve in the order they were made.
// On H5 the learned classifiers' weights (~450 KB) come with it, lazily too (api/extract-model.ts); if
// they fail to load, the keyword rules alone propose. On WeChat the consumer function proposes
// (api/extract-model.weapp.ts), so neither the extractor nor the weights are in the main package.
const loadExtractor = () => import('../api/extract-model').then((m) => m.extractWithClassifiers)
/** the chunk did not arrive (network): the words are in the description already; nothing is proposed */
const noProposal = () => undefined

function shown(key: ProposedKey, value: ProposableFields[ProposedKey]): string {
  if (key === 'demands') return (value as DraftFields['demands']).map((d) => DEMAND_LABELS[d]).join('、')
  if (key === 'amountYuan') return `${value}元`
  return String(value)
}

/** `askIndustry`: offer the industry line too (staff filing; a shopper's filing derives it) */
export function useVoiceProposal(api: ComplaintDraftApi, { askIndustry = true }: { askIndustry?: boolean } = {}) {
  const { draft, patchFields, setShop } = api
  const [extraction, setExtraction] = useState<Extraction | null>(null)
  const [shopEntry, setShopEntry] = useState<MerchantEntry | null>(null)
  const hasShop = useRef(!!draft.shop)
  hasShop.current = !!draft.shop

  /** `text`: the whole description as it stands with the new words in. */
  const offer = useCallback((text: string) => {
    void loadExtractor().then(async (extract) => {
      const found = await extract(text, { now: new Date() })
      if (!found) return // WeChat, offline: no proposals; the words are in the description already
      setExtraction(found)
      setShopEntry(null)
      const name = found.shopName && found.shopName.confidence >= MIN_SHOP_CONFIDENCE ? found.shopName.value : ''
      if (!name || hasShop.current) return
      // a shop is chosen as a whole entry, never as typed words: look the heard name up among the shops
      void call('consumer', 'searchMerchants', { query: name.slice(0, 30) }).then((result) => {
        if (!result.ok) return
        const { items } = result.data
        const match = items.find((e) => e.merchant.name === name) ?? (items.length === 1 ? items[0] : undefined)
        if (match) setShopEntry(match)
      })
    }, noProposal)
  }, [])

  const f = draft.fields
  const current: ProposableFields = {
    purchaseDate: f.purchaseDate,
    purchaseClock: f.purchaseClock,
    amountYuan: f.amountYuan,
    product: f.product,
    problemType: f.problemType,
    industry: f.industry,
    demands: f.demands,
  }
  const { industry: _industry, ...withoutIndustry } = current
  const asked: Partial<ProposableFields> = askIndustry ? current : withoutIndustry
  const { form: proposed, filled } = extraction ? proposeInto(asked, extraction) : { form: asked, filled: [] as string[] }
  const keys = filled as ProposedKey[]
  const rows: ProposalRow[] = keys.map((key) => ({
    key,
    label: LABELS[key],
    value: shown(key, proposed[key] ?? ''),
    source: (extraction?.[SOURCE[key]] as { evidence?: string } | null)?.evidence ?? '',
  }))
  const offerShop = shopEntry && !draft.shop
  if (offerShop) rows.unshift({ key: 'shop', label: '商户', value: shopEntry.merchant.name, source: extraction?.shopName?.evidence ?? '' })

  const apply = (key: ProposalRow['key']) => {
    if (key === 'shop') setShop(shopEntry)
    else patchFields({ [key]: proposed[key] })
  }
  const applyAll = () => {
    patchFields(Object.fromEntries(keys.map((key) => [key, proposed[key]])) as Partial<DraftFields>)
    if (offerShop) setShop(shopEntry)
    setExtraction(null)
  }
  const dismiss = () => {
    setExtraction(null)
    setShopEntry(null)
  }

  return { rows, offer, apply, applyAll, dismiss }
}
