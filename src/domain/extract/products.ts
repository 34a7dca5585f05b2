// The goods or service the complaint is about: a known word from the lexicon (widened to the brand or
// modifier said before it: 伊利纯牛奶, 电子血压计), preferring the one right after a buying verb; or,
// failing that, whatever follows "买了/点的/办的" up to the next pause.
import type { IndustryLine } from '../industry'
import { LEXICON } from './product-lexicon'
import { CLAUSE_END, findAll } from './text'

export interface ProductProposal {
  value: string
  confidence: number
  start: number
  end: number
  industry: IndustryLine | null
}

const BUY_VERB = '(买|购|订|点|办|配|抓|报|充|吃|喝|坐|叫|请|做|租|签|寄|洗|修|换|选|加)'
const BUY_NEAR = new RegExp(`${BUY_VERB}[了的个台件双部瓶盒只辆张套份支条斤袋包箱杯碗块副顶本次款串罐一两二三四五六七八九十几\\d“”"]{0,5}$`)
const BUY_FAR = new RegExp(`${BUY_VERB}[^${CLAUSE_END}.]{0,10}$`)
// characters that end a noun phrase when walking left from a known word
const BOUNDARY =
  /[\s，。！？、；：,.!?;:“”"'（）()【】《》了的在买个台件双部瓶盒只辆张套份支条斤袋包箱桶杯碗块副顶本次款串罐把粒颗批年月日天周号和与跟被给从到我你他她它们这那是说就都也还又很再才更最太不没别要想让叫将对向往及并而里上下去来吃喝用修做办配点订换拿送带抓报充坐叫请看交付花收填家店铺馆院厅场摊一两二三四五六七八九十几百千万0-9]|开始|之后|以后/
const SHOPPISH_AFTER = /^(店|铺|厂|城|馆|院|行|公司|柜|专柜|房|局|监|部门|中心|机构|摊|档|站|体验)/

function widenLeft(text: string, start: number, avoid: { start: number; end: number }[], limit = 4): number {
  let s = start
  while (s > 0 && start - s < limit && !BOUNDARY.test(text[s - 1]) && !avoid.some((a) => a.start < s && s <= a.end)) s--
  return s
}

interface Candidate {
  start: number
  end: number
  score: number
  industry: IndustryLine | null
}

export function proposeProduct(text: string, avoid: { start: number; end: number }[] = []): ProductProposal | null {
  const hits: Candidate[] = []
  const overlaps = (s: number, e: number, list: { start: number; end: number }[]) => list.some((o) => o.start < e && s < o.end)
  for (const { word, industry } of LEXICON) {
    for (const m of findAll(text, new RegExp(word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))) {
      if (overlaps(m.start, m.end, hits)) continue
      if (word === '药' && (/^[店房监品局师水材]/.test(text.slice(m.end)) || /大$/.test(text.slice(0, m.start)))) continue
      hits.push({ start: m.start, end: m.end, score: 0, industry })
    }
  }
  for (const m of findAll(text, /[一二三四五六七八九十\d]+日游/))
    if (!overlaps(m.start, m.end, hits)) hits.push({ start: m.start, end: m.end, score: 0, industry: '一般消费纠纷' })
  const candidates = hits.filter((h) => !overlaps(h.start, h.end, avoid)).map((h) => ({ ...h, start: widenLeft(text, h.start, avoid) }))
  const firstStart = Math.min(...candidates.map((c) => c.start))
  for (const c of candidates) {
    const left = text.slice(Math.max(0, c.start - 12), c.start)
    if (BUY_NEAR.test(left)) c.score += 2
    else if (BUY_FAR.test(left)) c.score += 1
    if (c.start === firstStart) c.score += 1
    if (SHOPPISH_AFTER.test(text.slice(c.end))) c.score -= 1.5
    if (/在$/.test(left) || (/^的/.test(text.slice(c.end)) && /^(酒店|网吧|KTV|民宿|驾校|超市|商场)/.test(text.slice(c.start))))
      c.score -= 1 // the place, not what was bought
    c.score += Math.min(c.end - c.start, 6) * 0.05
  }
  // 买了杯芋泥波波: an unknown word right after a buying verb
  for (const m of findAll(
    text,
    /(?:买了?|买的|购买了?|[点订办配报][了的])(?:[一两二三四五六七八九十几]|\d+)?[个台件双部瓶盒只辆张套份支条斤袋包箱桶杯碗块副顶本次款串把罐]?([\u4e00-\u9fa5A-Za-z0-9]{2,8}?)(?=[，。！？、,.!?；;\s（(]|的时候|回来|回家|以后|之后|后|结果|但是|可是|没想到|才|就|用了|穿了|吃了|喝了|发现|$)/,
  )) {
    const word = m[1]
    if (/[的了在给我是就都没不]/.test(word) || /^(东西|时候|之|以|后|[一两二三四五六七八九十几半\d])/.test(word)) continue
    const start = m.end - word.length
    if (overlaps(start, m.end, avoid)) continue
    candidates.push({ start, end: m.end, score: 1.6, industry: null })
  }
  if (candidates.length === 0) return null
  candidates.sort((a, b) => b.score - a.score || a.start - b.start)
  const best = candidates[0]
  const value = text.slice(best.start, best.end).replace(/[“”"]/g, '').slice(0, 100)
  const confidence = best.score >= 2 ? 0.8 : best.score >= 1 ? 0.65 : 0.5
  return { value, confidence, start: best.start, end: best.end, industry: best.industry }
}
