// Sums of money: ¥2999, 2999元, 两千九百九十九块, 三百五, 1.2万, 二十八块八, 八毛, 花了两百多 (→ 200, less
// sure). Of several, the one paid for the goods or service: near 花了/一共/合计, not near 赔/差价/每.
import { NUMERAL_CHARS, parseChineseNumber } from './chinese-numerals'
import { after, before, CLAUSE_END, findAll } from './text'

export interface AmountProposal {
  value: string
  yuan: number
  confidence: number
  start: number
  end: number
}

const NUM = `((?:\\d{1,3}(?:,\\d{3})+|[${NUMERAL_CHARS}])+)`
/** 千万别买, 老百姓, 万达: unit characters alone are words, not numbers */
const HAS_DIGIT = /[\d零〇一二两俩三四五六七八九壹贰叁肆伍陆柒捌玖]/
const SMALL = '([0-9零一二两三四五六七八九])'
// what may not follow a bare number if it is to be money: 两口, 三次, 五公里, 20盒, 8点
const NOT_MONEY_AFTER =
  /^(多?[个口次天斤两瓶盒件公里人号月年点分时岁度倍%份条袋罐克平层楼台只双辆张套串碗杯支副遍周星期折位户名家种样副把根粒颗枚片板箱包顿道行趟小]|多?万?公里|万?积分)/
/** one character of the same clause: ';' and ':' end it as '，' does (CLAUSE_END in text.ts) */
const C = `[^${CLAUSE_END}]`
const PAY_CUE =
  /花了?|吃了|结账|开口就?要|要价|要|付了?|支付|共计|合计|一共|总共|总计|共|消费了?|充了?|充值|交了?|收了?我?|要了?我|扣了?|价格|售价|价值|总价|票价|学费|课时费|定金|押金|首付|服务费|物业费|中介费|诚意金|保证金|买的?|卖|价/
const TOTAL_CUE =
  /共计|合计|一共|总共|总计|共$|金额[:：]?$|总额为?$|总价为?$|全款$|费用总额为?$|折扣价$|优惠后$|优惠价$|实付$|实际支付了?$|成交价$/
// a prepaid card's unused part, or the sum asked back: the amount in dispute (docs/extract-labelling.md)
const BALANCE_CUE = new RegExp(
  `余额约?$|还剩下?约?$|就剩$|只剩$|剩余${C}{0,8}$|剩下${C}{0,8}$|还有约?$|尚余$|未消费${C}{0,6}$|没消费${C}{0,6}$|没上${C}{0,8}$|未上${C}{0,8}$|(?:要求|请求|判令)${C}{0,10}(?:退还|退回|返还|退款|退)${C}{0,10}$`,
)
// 原价12399元，最后按折扣价9400元: the list price is not what was paid
const LIST_PRICE_CUE = /原价为?$|市场价$|定价$/
const NOT_PAID_CUE = new RegExp(
  `赔|(?:送|赠送?)$|(?:最多|最高|至多)${C}{0,4}$|补偿|差价|便宜|才卖|只卖|隔壁|罚|检测费|标准|每${C}{0,3}$|一(?:[斤位次晚包瓶份串个度]|小时)${C}{0,3}$|退了?我?$|只退|规定的?是|写的?是?|明码标价是|门口写的|说是|说好的?|标价是?`,
)

interface Candidate {
  yuan: number
  start: number
  end: number
  base: number
}

function pushIf(list: Candidate[], yuan: number | null, start: number, end: number, base: number) {
  if (yuan === null || !(yuan > 0) || yuan >= 1e9) return
  if (list.some((c) => c.start < end && start < c.end)) return
  list.push({ yuan: Math.round(yuan * 100) / 100, start, end, base })
}

function money(numText: string, wan?: string): number | null {
  const n = parseChineseNumber(numText)
  return n === null ? null : wan ? n * 10000 : n
}

export function findAmounts(text: string): Candidate[] {
  const out: Candidate[] = []
  // ¥2999, ￥12.50
  for (const m of findAll(text, new RegExp(`[¥]\\s*${NUM}(万)?`))) pushIf(out, money(m[1], m[2]), m.start, m.end, 0.95)
  // 2999元, 两千九百九十九块, 三百多块钱, 1.2万元, 二十八块八, 两块五毛, 3元5角
  const unit = new RegExp(
    `${NUM}(?:多|余)?(万)?(多|来|余)?\\s*(元|块钱|块|圆|人民币)(?:${SMALL}(?:[角毛])?(?=[钱${CLAUSE_END}\\s）)]|$)|${SMALL}[角毛])?`,
  )
  for (const m of findAll(text, unit)) {
    // 一块浪琴手表, 三块蛋糕: 块 as a measure word
    if (
      m[4] === '块' &&
      !m[5] &&
      !m[6] &&
      /^[\u4e00-\u9fa5]/.test(text.slice(m.end)) &&
      !/^[钱的了呢啊吧就还都也买给左多，,]/.test(text.slice(m.end))
    )
      continue
    if (!HAS_DIGIT.test(m[1]) && !/^[十拾]$/.test(m[1])) continue // 百元大钞, 万元户: words; but 十块 is ten
    // 3万多万元 (a slip): one 万, not two
    const whole = money(m[1], /万/.test(m[1]) ? undefined : m[2])
    const tenth = m[5] ?? m[6]
    const dime = tenth ? parseChineseNumber(tenth) : 0
    if (whole === null || dime === null) continue
    // 3000多元, 350余万元: the lower bound is the amount (docs/extract-labelling.md), a little less sure
    const weak = /^[一两]$/.test(m[1]) && m[4] === '块' // 烧焦了一块
    pushIf(out, whole + dime / 10, m.start, m.end, weak ? 0.45 : m[3] ? 0.8 : 0.9)
  }
  // 近万元, 上千元: a round lower bound (docs/extract-labelling.md: 近X → X), less sure
  for (const m of findAll(text, /(?:近|上|将近)([万千])(?:多)?(?:元|块)/)) pushIf(out, m[1] === '万' ? 10000 : 1000, m.start, m.end, 0.6)
  // 1.2万, 6.8万, 十三万八 — money when no other unit follows
  for (const m of findAll(text, new RegExp(`${NUM}(多)?`))) {
    if (
      !/万/.test(m[1]) ||
      /^万/.test(m[1]) ||
      !HAS_DIGIT.test(m[1]) ||
      NOT_MONEY_AFTER.test(text.slice(m.end, m.end + 3)) ||
      /^[元块]/.test(text.slice(m.end))
    )
      continue
    pushIf(out, parseChineseNumber(m[1]), m.start, m.end, m[2] ? 0.5 : 0.75)
  }
  // 八毛, 五角钱 (small sums)
  for (const m of findAll(text, /([0-9零一二两三四五六七八九十]{1,3})[毛角](钱)?/)) {
    if (!m[2] && /^[肚衣巾病发线绒钱]/.test(text.slice(m.end, m.end + 1))) continue
    const n = parseChineseNumber(m[1])
    pushIf(out, n === null ? null : n / 10, m.start, m.end, m[2] ? 0.8 : 0.55)
  }
  // 花了两百多, 收了我三百八十八, 交了3800: a number after a paying word
  for (const m of findAll(text, new RegExp(`(${PAY_CUE.source})[^${NUMERAL_CHARS}${CLAUSE_END}]{0,2}?[，,:：]?${NUM}(多)?`))) {
    const numStart = m.end - m[2].length - (m[3]?.length ?? 0)
    if (NOT_MONEY_AFTER.test(text.slice(m.end, m.end + 3)) || /^[元块毛角万]/.test(text.slice(m.end))) continue
    if (/^[^\d]$/.test(m[2]) || !HAS_DIGIT.test(m[2])) continue // 买两盒, 付三: one Chinese digit is a count
    if (/^[\u4e00-\u9fa5]/.test(text.slice(m.end)) && !/^[的多呢啊了买，,]/.test(text.slice(m.end))) continue // 买了999感冒灵
    pushIf(out, parseChineseNumber(m[2]), numStart, m.end, m[3] ? 0.5 : 0.65)
  }
  // 四千八, 八百八十八一疗程, 3千5: a number with 百/千 is money unless a measure word follows
  for (const m of findAll(text, new RegExp(`${NUM}(多)?`))) {
    let digits = m[1]
    let end = m.end
    if (!m[2] && /[一两]$/.test(digits) && parseChineseNumber(digits) === null) {
      digits = digits.slice(0, -1) // 八百六一丸: 860 a pill
      end -= 1
    }
    // a number needs a digit: the 百 of 老百姓 alone is not one hundred
    if (!/[百千佰仟]/.test(digits) || !HAS_DIGIT.test(digits) || NOT_MONEY_AFTER.test(text.slice(end, end + 3))) continue
    pushIf(out, parseChineseNumber(digits), m.start, end, m[2] ? 0.5 : 0.55)
  }
  return out
}

const NOT_DIGIT = `[^${CLAUSE_END}\\d]`
const UNIT_PRICE = new RegExp(`(?:单价|每(?![户人位])${NOT_DIGIT}{0,4}|月租|日租|房租每月)[为是约]?$`)
const SIDE_COST = new RegExp(`(?:医疗费|医药费|诊疗费|治疗费用?|检测费|鉴定费|运费|话费|油费|治病|看病)${NOT_DIGIT}{0,6}$`)

function score(text: string, c: Candidate, all: Candidate[]): number {
  const previousEnd = Math.max(0, ...all.filter((o) => o.end <= c.start).map((o) => o.end))
  const left = before(text, c.start, 8).slice(-(c.start - previousEnd))
  const right = after(text, c.end, 4)
  let s = c.base
  // 发票上写着价税合计434800元: a total said right before the sum outweighs a 写着 further left
  const notPaid = NOT_PAID_CUE.test(left) && !/(?:价税合计|合计|总计|共计)$/.test(left)
  if (BALANCE_CUE.test(before(text, c.start, 16)) && !notPaid) return s + 0.4
  // 2000-3000元不等: a range states no one sum
  if (/[-~～至到]$/.test(text.slice(Math.max(0, c.start - 1), c.start)) || /^[-~～至]\s*\d/.test(text.slice(c.end, c.end + 3))) s -= 0.45
  // 单价每平方米1.6万元, 月租1500元, 按每次2元: a unit price is no amount (每户, 每人: one consumer's own sum)
  if (UNIT_PRICE.test(left)) return s - 0.6
  // 医疗费8000元, 运费13.5元: costs around the dispute, not its subject
  if (SIDE_COST.test(left)) return s - 0.6
  if (TOTAL_CUE.test(left)) s += 0.3
  else if (PAY_CUE.test(left) || /^的?买/.test(right)) s += 0.15
  if (notPaid) s -= 0.45
  if (LIST_PRICE_CUE.test(left)) s -= 0.2
  if (/^[一每]?[斤位次晚包瓶份串个丸疗小]/.test(right)) s -= 0.05
  return s
}

export function formatYuan(yuan: number): string {
  const fen = Math.round(yuan * 100)
  const whole = Math.floor(fen / 100)
  const rest = fen % 100
  if (rest === 0) return String(whole)
  return rest % 10 === 0 ? `${whole}.${rest / 10}` : `${whole}.${String(rest).padStart(2, '0')}`
}

// a price case: what was shown or agreed, and what was charged; the overcharge is the sum in dispute
const QUOTED_CUE = new RegExp(`(?:标价|菜单上${C}{0,8}|价目表上${C}{0,6}|不是|只要|说好的?|报价|显示|标的是|写着)$`)
const CHARGED_CUE = new RegExp(`(?:结账${C}{0,6}|收了?我?|跟我要|要了?我?|房价是|账单${C}{0,4}|一共|总共|竟是|却要)$`)
const PRICE_CASE = /宰客|多收|天价|差价|乱收费|太贵|贵了|不对|加价|涨价|价格欺诈|不符/

function overcharge(text: string, all: Candidate[]): AmountProposal | null {
  if (!PRICE_CASE.test(text)) return null
  const quoted = all.find((c) => QUOTED_CUE.test(before(text, c.start, 12)))
  const charged = all.find((c) => c !== quoted && CHARGED_CUE.test(before(text, c.start, 10)))
  if (!quoted || !charged || !(charged.yuan > quoted.yuan) || charged.yuan > quoted.yuan * 20) return null
  const yuan = Math.round((charged.yuan - quoted.yuan) * 100) / 100
  const [start, end] = [Math.min(quoted.start, charged.start), Math.max(quoted.end, charged.end)]
  return { value: formatYuan(yuan), yuan, confidence: 0.6, start, end }
}

/** Every sum in the text, best first, with its score (the top one's score is the proposal's base confidence). */
export function rankAmounts(text: string, candidates = findAmounts(text)): { c: Candidate; s: number }[] {
  return candidates.map((c) => ({ c, s: score(text, c, candidates) })).sort((a, b) => b.s - a.s || a.c.start - b.c.start)
}

/** the confidence of a sum chosen among others: under the form's propose floor (0.5) */
export const CHOSEN_AMONG_SUMS = 0.45
/** another sum scored within this of the best is a rival (0.4 … 1.0 compared on the train split: 0.8 is the
 *  smallest that keeps the proposals ≥ 90 % right there) */
const RIVAL_WITHIN = 0.8

export function proposeAmount(text: string): AmountProposal | null {
  const candidates = findAmounts(text)
  if (candidates.length === 0) return null
  const price = overcharge(text, candidates)
  if (price) return price
  const ranked = rankAmounts(text, candidates)
  const { c, s } = ranked[0]
  // Calibration (real corpus, train split only): with one sum stated the proposal was right 91 % of the time;
  // with two or more distinct sums scored within RIVAL_WITHIN of each other, about 55 % whatever the cues said
  // (sums of several payments, a second purchase, the damages claimed). So a choice between close sums is a
  // suggestion, below the propose floor; a sum far ahead (a unit price or a side cost beside a total) still fills.
  // a list price beside the price paid (原价6999元，优惠价5200元) is explained, not a rival
  const close = ranked.filter((r) => r.s > s - RIVAL_WITHIN && (r === ranked[0] || !LIST_PRICE_CUE.test(before(text, r.c.start, 8))))
  const rivals = new Set(close.map((r) => r.c.yuan)).size > 1
  const confidence = Math.max(0.05, Math.min(rivals ? CHOSEN_AMONG_SUMS : 0.99, s))
  return { value: formatYuan(c.yuan), yuan: c.yuan, confidence, start: c.start, end: c.end }
}
