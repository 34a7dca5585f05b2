// Put the extractor's proposals into the form — only where the person has not typed anything. What
// they typed or picked always stays; demands are proposed only when none is picked. Proposals below
// the confidence bar are left out (the form may still show them as suggestions).
import type { Extraction, Proposed } from './extract-complaint'

export const DEFAULT_MIN_CONFIDENCE = 0.5

/** The form fields a proposal can fill; a form that lacks a field is never given it. */
export interface ProposableForm {
  shopName?: string
  shopCode?: string
  /** 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:mm' */
  purchaseTime?: string
  /** or the same, split as the draft keeps it */
  purchaseDate?: string
  purchaseClock?: string
  amountYuan?: string
  product?: string
  problemType?: string
  industry?: string
  demands?: readonly string[]
}

const isEmpty = (v: unknown) =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0)

export function proposeInto<F extends ProposableForm>(
  form: F,
  extraction: Extraction,
  minConfidence = DEFAULT_MIN_CONFIDENCE,
): { form: F; filled: string[] } {
  const next = { ...form } as Record<string, unknown>
  const filled: string[] = []
  const sure = <T>(p: Proposed<T> | null): p is Proposed<T> => !!p && p.confidence >= minConfidence
  const fill = (key: keyof ProposableForm, value: unknown) => {
    if (!(key in form) || !isEmpty(next[key])) return
    next[key] = value
    filled.push(key)
  }

  if (sure(extraction.shopName)) fill('shopName', extraction.shopName.value)
  if (sure(extraction.shopCode)) fill('shopCode', extraction.shopCode.value)
  if (sure(extraction.purchaseTime)) {
    const [date, clock = ''] = extraction.purchaseTime.value.split('T')
    if ('purchaseDate' in form) {
      if (isEmpty(form.purchaseDate)) {
        fill('purchaseDate', date)
        if (clock) fill('purchaseClock', clock)
      } else if (form.purchaseDate === date && clock) {
        fill('purchaseClock', clock) // the same day they picked, and we heard the hour too
      }
    } else {
      fill('purchaseTime', extraction.purchaseTime.value)
    }
  }
  if (sure(extraction.amountYuan)) fill('amountYuan', extraction.amountYuan.value)
  if (sure(extraction.product)) fill('product', extraction.product.value)
  if (sure(extraction.problemType)) fill('problemType', extraction.problemType.value)
  if (sure(extraction.industry)) fill('industry', extraction.industry.value)
  if (sure(extraction.demands)) fill('demands', [...extraction.demands.value])
  return { form: next as F, filled }
}
