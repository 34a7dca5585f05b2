import Taro from '@tarojs/taro'
import type { z } from 'zod'
import { SubmitReceiptSchema } from '../domain/api/form-action-schemas'

// The receipt of a submission is known only from the submit answer: the query code can never be
// fetched again. It travels to the receipt page through device storage keyed by case id — not in
// the URL, which ends up in history, logs and screenshots — and is dropped when that page is left.
export type Receipt = z.infer<typeof SubmitReceiptSchema>

const keyOf = (caseId: string) => `kuaisu:receipt:${caseId}`

export function keepReceipt(receipt: Receipt): void {
  try {
    // only the newest receipt is ever shown: one left behind (the browser closed on the receipt
    // page, so it was never dropped) goes now rather than lingering on a shared phone
    for (const key of Taro.getStorageInfoSync().keys) {
      if (key.startsWith(keyOf(''))) Taro.removeStorageSync(key)
    }
  } catch {
    // cannot list storage: the old receipt stays until its page is left
  }
  try {
    Taro.setStorageSync(keyOf(receipt.caseId), receipt)
  } catch {
    // the receipt page then shows the case number from its URL and explains the rest
  }
}

export function readReceipt(caseId: string): Receipt | null {
  if (!caseId) return null
  try {
    const parsed = SubmitReceiptSchema.safeParse(Taro.getStorageSync(keyOf(caseId)))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

export function dropReceipt(caseId: string): void {
  try {
    Taro.removeStorageSync(keyOf(caseId))
  } catch {
    // nothing to do
  }
}
