// A rate is kept as the exact fraction it was counted from; the percentage is derived, never stored.
// With nothing to count (denominator 0) there is no rate at all: it reads 无数据, never 0 % or 100 %.
export const NO_DATA = '无数据'

export interface Rate {
  numerator: number
  denominator: number
  /** numerator / denominator × 100; null when the denominator is 0 */
  percent: number | null
  /** "95.83%", "100%" only when every case counts, or 无数据 */
  label: string
}

/**
 * The label truncates, it never rounds up: 1,999 of 2,000 reads 99.95%, and a target of "100 % required"
 * is shown as met only when it is met exactly.
 */
export function rateOf(numerator: number, denominator: number): Rate {
  if (denominator === 0) return { numerator, denominator, percent: null, label: NO_DATA }
  const hundredths = Math.floor((numerator * 10_000) / denominator)
  const label = numerator === denominator ? '100%' : `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}%`
  return { numerator, denominator, percent: (numerator * 100) / denominator, label }
}

export interface Average {
  sum: number
  count: number
  /** sum / count; null when nothing was rated */
  value: number | null
  /** "4.33", or 无数据 */
  label: string
}

export function averageOf(sum: number, count: number): Average {
  if (count === 0) return { sum, count, value: null, label: NO_DATA }
  const value = sum / count
  return { sum, count, value, label: value.toFixed(2) }
}
