// Which shop: one of the site's shops when the text names it, even loosely (那家优鲜超市 → 鲜丰优鲜超市,
// 万达的小米店 → 小米之家(万达广场店)); otherwise a name said as "在XX超市买的", or a well-known chain.
import { LEXICON } from './product-lexicon'
import { CLAUSE_END, findAll } from './text'

export interface Shop {
  code: string
  name: string
}

export interface ShopProposal {
  name: string
  code: string | null
  confidence: number
  start: number
  end: number
}

// words every shop name may contain: they alone never identify a shop
const GENERIC =
  /超市|专卖店|专卖|专柜|旗舰店|大药房|药房|药店|门店|分店|有限公司|公司|商场|广场|店|火锅|影城|影院|家居|养车|工场|城北|城南|城东|城西/g
/** well-known chains: named alone, they are the seller (merchant-mention.ts reads them too) */
export const CHAINS = [
  '盒马鲜生',
  '盒马',
  '永辉超市',
  '永辉',
  '大润发',
  '沃尔玛',
  '家乐福',
  '华润万家',
  '物美',
  '世纪联华',
  '联华超市',
  '联华',
  '好又多',
  '麦德龙',
  '山姆',
  '必胜客',
  '肯德基',
  '麦当劳',
  '星巴克',
  '海底捞',
  '瑞幸',
  '喜茶',
  '蜜雪冰城',
  '面包新语',
  '三只松鼠',
  '良品铺子',
  '益丰大药房',
  '大参林',
  '海王星辰',
  '老百姓大药房',
  '国大药房',
  '同仁堂',
  '京东大药房',
  '国美',
  '苏宁',
  '优衣库',
  '波司登',
  '万达影城',
  '途虎',
  '小米之家',
  '京东',
  '天猫',
  '拼多多',
]

function longestCommon(a: string, b: string): string {
  let best = ''
  for (let i = 0; i < a.length; i++) {
    for (let j = i + best.length + 1; j <= a.length; j++) {
      if (b.includes(a.slice(i, j))) best = a.slice(i, j)
      else break
    }
  }
  return best
}

function matchListed(text: string, shops: Shop[]): ShopProposal | null {
  let best: { shop: Shop; score: number; at: number; len: number } | null = null
  for (const shop of shops) {
    const full = shop.name
    if (text.includes(full)) {
      const at = text.indexOf(full)
      return { name: shop.name, code: shop.code, confidence: 0.97, start: at, end: at + full.length }
    }
    // each part of the name: 小米之家 / 万达广场店; 古镇民宿 / 听雨轩
    const parts = shop.name.split(/[()（）·・\s]+/).filter(Boolean)
    let score = 0
    let at = -1
    let len = 0
    for (const part of parts) {
      const common = longestCommon(part, text)
      const distinctive = common.replace(GENERIC, '')
      if (distinctive.length < 2) continue
      // a fragment that other shops share does not single this one out
      if (shops.some((o) => o !== shop && o.name.includes(common))) continue
      score += common.length / Math.max(2, part.replace(GENERIC, '').length) + common.length * 0.1
      if (at < 0) {
        at = text.indexOf(common)
        len = common.length
      }
    }
    if (score > 0 && (!best || score > best.score)) best = { shop, score, at, len }
  }
  if (!best) return null
  return {
    name: best.shop.name,
    code: best.shop.code,
    confidence: Math.min(0.9, 0.55 + best.score * 0.3),
    start: best.at,
    end: best.at + best.len,
  }
}

const SUFFIX = `(?:大药房|药房|药店|超市|商场|餐厅|饭店|饭馆|酒店|酒楼|专卖店|专柜|旗舰店|影城|影院|健身房|理发店|美容院|4S店|鲜生|农家乐|民宿|旅行社|茶叶店|[^\\s${CLAUSE_END}、]店)`
const PLACE_PREFIX =
  /^(.*(的|那家|这家|一家|他家|那个|这个|一个))|^(楼下|楼上|家门口|门口|附近|隔壁|对面|路边|小区门口|小区里|街上|商场里|商场|景区门口|景区|市场)/

function named(text: string): ShopProposal | null {
  for (const m of findAll(
    text,
    new RegExp(
      `在([^${CLAUSE_END}、\\s]{1,14}?${SUFFIX})(?=[^${CLAUSE_END}]{0,4}(买|购|吃|喝|办|充|订|做|配|抓|洗|修|取|存|看|结账|排队|消费|报|交|点|试|理发|剪))`,
    ),
  )) {
    let name = m[1].replace(/[“”"「」]/g, '')
    const cut = PLACE_PREFIX.exec(name)
    if (cut) name = name.slice(cut[0].length)
    if (name.length < 3 && !CHAINS.includes(name)) continue
    if (/^(网上|网店|店里|他们|你们|我们|这家|那家|一家|路边|贵|某|药店|超市|眼镜店|包子铺)/.test(name)) continue
    if (name.includes('(') && !name.includes(')') && text[m.start + 1 + m[1].length] === ')') name += ')'
    const core = name.replace(
      /(大药房|药房|药店|超市|商场|餐厅|饭店|饭馆|酒店|酒楼|专卖店|专柜|旗舰店|影城|影院|健身房|理发店|美容院|4S店|农家乐|民宿|旅行社|体验店|店|铺|摊)$/,
      '',
    )
    // 眼镜店, 干洗店, 理疗仪体验店, 三家店: what kind of shop, not which
    const kindOnly =
      core === '' ||
      /^[一二两三四五六七八九十几\d]+家$/.test(core) ||
      LEXICON.some((e) => e.word === core) ||
      /^(眼镜|包子|老年用品|维修|手机维修|干洗|洗衣|理发|美发|水果|宠物|汽车美容|小|奶茶|汽修|修理|婚纱摄影|烧烤|早餐|面馆|药|专卖|串串|母婴|服装|五金|便利)$/.test(
        core,
      )
    if (!CHAINS.some((c) => name.startsWith(c)) && kindOnly) continue
    const start = m.start + 1 + m[1].indexOf(name.slice(0, 1))
    return { name, code: null, confidence: 0.7, start, end: start + name.length }
  }
  const quoted = /[“"]([^”"]{2,10})[”"](饭店|餐厅|理发店|洗车|超市|店|药店)/.exec(text)
  if (quoted)
    return {
      name: quoted[1] + (/^(饭店|餐厅|超市|药店)$/.test(quoted[2]) ? quoted[2] : ''),
      code: null,
      confidence: 0.65,
      start: quoted.index,
      end: quoted.index + quoted[0].length,
    }
  let chain: ShopProposal | null = null
  for (const c of CHAINS) {
    const at = text.indexOf(c)
    if (at >= 0 && (!chain || at < chain.start || (at === chain.start && c.length > chain.name.length))) {
      const rest = new RegExp(`^${c}((?:[\\u4e00-\\u9fa5]{1,4})?(?:\\(|（)[^)）]{1,8}(?:\\)|）)|超市|大药房|专卖店)?`).exec(text.slice(at))
      const name = rest ? rest[0] : c
      chain = { name, code: null, confidence: 0.7, start: at, end: at + name.length }
    }
  }
  return chain
}

export function proposeShop(text: string, shops: Shop[] | undefined): ShopProposal | null {
  if (shops && shops.length > 0) {
    const listed = matchListed(text, shops)
    if (listed) return listed
  }
  return named(text)
}
