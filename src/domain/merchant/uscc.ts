import { z } from 'zod'

/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015.
 *
 *   1     登记管理部门代码 (registration authority, e.g. 9 = 市场监管/工商)
 *   2     机构类别代码 (e.g. 1 = 企业, 2 = 个体工商户)
 *   3–8   登记管理机关行政区划码 (six digits)
 *   9–17  主体标识码 (organisation code)
 *   18    校验码 = (31 − Σ value_i × weight_i mod 31) mod 31, written back in the same charset
 *
 * The charset has 31 characters (0–9 and 21 letters; I, O, Z, S, V are left out because they look
 * like 1, 0, 2, 5, U), so every value 0–30 is one character. The weights are 3^(i−1) mod 31.
 * We check structure and the check character only; the authority / type tables have been extended
 * since 2015 (A, N, …), so rejecting unknown ones would turn away real shops.
 */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
export const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const
export const USCC_LENGTH = 18

export const USCC_MESSAGES = {
  empty: '请填写统一社会信用代码',
  forbiddenLetter: '含有不允许的字符（I、O、Z、S、V）',
  length: '统一社会信用代码应为18位',
  charset: '统一社会信用代码只能由数字和大写字母组成',
  division: '统一社会信用代码第3至8位（行政区划码）应为数字',
  checkChar: '统一社会信用代码校验位不正确',
} as const
export type UsccProblem = keyof typeof USCC_MESSAGES

const FORBIDDEN_LETTERS = /[IOZSV]/
const STRUCTURE = /^[0-9A-HJ-NP-RTUW-Y]{2}\d{6}[0-9A-HJ-NP-RTUW-Y]{10}$/

/** The 18th character for a 17-character body, or null when the body is not 17 allowed characters. */
export function usccCheckChar(first17: string): string | null {
  if (first17.length !== USCC_LENGTH - 1) return null
  let sum = 0
  for (let i = 0; i < first17.length; i++) {
    const value = USCC_CHARSET.indexOf(first17[i])
    if (value < 0) return null
    sum += value * USCC_WEIGHTS[i]
  }
  return USCC_CHARSET[(31 - (sum % 31)) % 31]
}

/**
 * What people paste: leading/trailing and inner spaces (codes copied from a PDF licence), a Chinese
 * IME's full-width letters and digits, lower case. Look-alikes (O for 0, I for 1) are NOT mapped:
 * guessing could turn a typo into someone else's valid code, so the person is asked to check.
 */
export function normalizeUscc(input: string): string {
  return input
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]/g, '')
    .toUpperCase()
}

/** The first thing wrong with an already-normalised code, in the order a person can fix it; null when valid. */
export function usccProblem(code: string): UsccProblem | null {
  if (code === '') return 'empty'
  if (FORBIDDEN_LETTERS.test(code)) return 'forbiddenLetter'
  if (code.length !== USCC_LENGTH) return 'length'
  if (!/^[0-9A-Z]+$/.test(code)) return 'charset'
  if (!STRUCTURE.test(code)) return 'division'
  if (usccCheckChar(code.slice(0, 17)) !== code[17]) return 'checkChar'
  return null
}

/** Strict: the code must already be in normal form (upper case, half-width, no spaces). */
export function isValidUscc(code: string): boolean {
  return usccProblem(code) === null
}

/** Form and import field: normalises, then reports the first problem in Chinese. Output is the normal form. */
export const UsccSchema = z
  .string({ error: USCC_MESSAGES.empty })
  .overwrite(normalizeUscc)
  .superRefine((code, ctx) => {
    const problem = usccProblem(code)
    if (problem) ctx.addIssue({ code: 'custom', message: USCC_MESSAGES[problem], input: code })
  })
