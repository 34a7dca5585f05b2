// The merchant as the text names it, a span of the text: a named shop ("在纳春大药房买的"), a masked or
// indefinite one ("某大型超市", "一家美容院", "A商行", "甲公司"), or the platform when no seller is named
// ("在拼多多上买的"). The form shows it as written; shops.ts separately matches the site's own shop list.
import { CHAINS } from './shops'
import { CLAUSE_END, findAll } from './text'

export interface MerchantMention {
  value: string
  confidence: number
  start: number
  end: number
}

// what a seller's name ends with
const KIND =
  '4S店|店|铺|商家|珠宝|房产|摊位|摊|超市|药房|商场|商城|卖场|商厦|百货|商行|商店|公司|集团|机构|中心|会所|会馆|俱乐部|工作室|驾校|学校|学院|' +
  '培训班|餐厅|饭店|饭馆|餐馆|酒店|酒楼|宾馆|旅馆|民宿|公寓|火锅城|火锅|面馆|健身房|馆|美容院|医院|诊所|门诊部|旅行社|专柜|柜台|影楼|' +
  '影城|影院|乐园|游乐场|营业厅|加油站|分院|销售点|网点|门市部|门市|校区|家具商|建材商|车商|市场|商贸城|手机城|鞋城|物业|银行|直播间|经销商|车行|车商|发廊|狗场|官网|网|平台|堂|园'
// what kind of shop, not which: alone (or with 被告, 涉事) such a name points at no one
const CATEGORY =
  '婚庆|快递|眼镜|装修|装饰|装潢|物业|移动|联通|电信|宠物|培训|教育|销售|游戏|中介|医美|美容|美发|理发|健身|干洗|洗衣|服装|家具|建材|电器|' +
  '家电|手机|汽车|二手车|保险|旅游|餐饮|外卖|快剪|母婴|珠宝|黄金|金|药|水果|蛋糕|烟酒|便利|维修|汽修|修理|科技|网络|食品|保健品|化妆品|' +
  '房产|房地产|置业|月子|早教|体育|文化|传媒|演艺|票务|酒|茶|鞋|实体|品牌|连锁|指定|门|网|医疗|口腔|牙科|商业|贸易|电商|购物|团购|二手|交易|' +
  '直播|点餐|线上|网购|第三方|其|他家|她家|场|私人|售楼|演唱会|贷款|女靴|回收|奢侈品|维权|小|大|大型|小型|知名|本地|当地|附近|新开的?|被告|原告|涉事|涉案|该|此|本|那|这|对方|相关|其他|别的|多'
const GENERIC = new RegExp(`^(?:${CATEGORY}|${KIND})*(?:${KIND})$`)
const KIND_AT_END = new RegExp(`(?:${KIND})$`)
/** "X开的Y": a shop named by who runs it (the owner, then the shop) */
const OWNED = /^(.{2,16}?)(?:开的|开设的|经营的)(.+)$/
const PLATFORM =
  /淘宝网|淘宝|天猫|京东商城|京东|拼多多|美团|饿了么|大众点评|抖音|快手|闲鱼|唯品会|苏宁易购|优酷视频|优酷|爱奇艺|腾讯视频|芒果TV|携程|去哪儿网?|飞猪|大麦网|小红书|(?:某|一家|一个)(?:知名|大型)?(?:(?![在某的])[\u4e00-\u9fa5]){0,4}平台|(?:电商|网购|购物|团购|外卖|点餐|二手|网络)平台/
// words before a merchant: where one buys, signs, eats or complains
const LEAD =
  /在|去了|到了|到|从|去|和|与|同|跟|向|经由|通过|找|是|给|请|投诉|反映|被告|来到|走进|选了|住进|进了|位于|开的|开了|(?:买|购买|办)了(?:一张|一份|一个)?|(?:^|[，。；：,;:])/
// what one does there
const ACT =
  /^(?:上|里|内|那里|那儿|处|门店|店里|实体店)?(?:[一二三四五六七八九\d]+楼|负一楼|地下.层)?(?:忽然|突然|毫无征兆地|已经|早已|竟然)?(?:买|按|扫|见|商量|在商量|那天|那里|那儿|定做|定制|去(?:洗|修|做|买|吃|剪)|购|办|充|吃|喝|用餐|就餐|消费|签|给孩子|为孩子|为自己|订|定|做|交|付|报|学|住|租|点|下单|种|看|剪|烫|染|理发|洗|干洗|修|维修|装修|装潢|施工|保养|换|配|体验|参加|花|预订|预定|相中|选购|挑|加油|玩|打|健身|上课|推销|倒闭|关门|停业|跑路|人去楼空|卖|售|存|提|拿|咨询|被|门口|门前|经营(?!的)|运营|打来|搞|的(?:员工|销售|会员|业务员|工作人员|店员|老板|常客|推销员|主刀|客服|用户|会籍)|[，,（(])/

const INNER_LEAD =
  /[在到从去跟向和与是找给把让对被说问告送带拿请称听搞要想借吃]|起诉|发现|买|办[了的]|签[了的]|订[了的]|交[了的]|付[了的款]|花了|住(?!宅)|开了|开着|开店|经营(?!的|$)|要求|希望|盼|认为|确定|[0-9]+[年月]|年[0-9]/
const NAME_CHAR = new RegExp(`[^\\s${CLAUSE_END}、.（）()《》【】]`)
// a branch after the shop's name: 茶园分店, 怡心校区
const BRANCH = /(?:分店|分院|分部|分社|分公司|校区)$/
const MARK = /某某|某|一家|一间|一处|一个|一(?=[\u4e00-\u9fa5]{0,6}(?:店|超市|商行|机构|公司|药房))|××|XX/

/** Quotes stay only when they pair up: “木子里”服装店, not 木子里”服装店. */
function unquote(v: string): string {
  const open = (v.match(/[“"‘]/g) ?? []).length
  const close = (v.match(/[”"’]/g) ?? []).length
  return open === close ? v : v.replace(/^[“”"‘’]+|[“”"‘’]+$/g, '')
}

/** 重庆国大(益达)驾校: a short bracket inside a name is part of it (not 以下简称…, not 化名); its length, else 0 */
function bracketAt(text: string, i: number): number {
  const m = new RegExp(`^[（(](?!以下|下称|简称|化名)[^（()）\\s${CLAUSE_END}]{1,8}[)）]`).exec(text.slice(i, i + 12))
  return m ? m[0].length : 0
}

interface Candidate {
  value: string
  start: number
  score: number
}

/** The shop inside a place phrase: from the masked word, else after the last 的, else after 当地/附近. */
function core(phrase: string): number {
  const de = phrase.lastIndexOf('的')
  const tail = phrase.slice(de + 1)
  // 一家健身中心的盛泽步行街分店: a branch is told by the shop it belongs to (sharpen cuts the branch)
  const cut = de >= 0 && tail.length >= 2 && !GENERIC.test(tail) && !(BRANCH.test(tail) && KIND_AT_END.test(phrase.slice(0, de)))
  const from = cut ? de + 1 : 0
  const rest = phrase.slice(from)
  // the last masked word: 某交易平台上某数码公司 is 某数码公司 (某某 is one word); 周某网店: 某 after a
  // surname at the start masks the owner, and the shop is named by the whole
  const marks = [...rest.matchAll(new RegExp(MARK.source, 'g'))].filter(
    (k) => rest.length - (k.index ?? 0) >= 2 && !(k.index === 1 && k[0] === '某' && /^[\u4e00-\u9fa5]/.test(rest) && !MARK.test(rest[0])),
  )
  const mark = marks[marks.length - 1]
  if (mark) return from + (mark.index ?? 0)
  const place = /^(?:当地|本地|附近|楼下|楼上|门口|家门口|小区门口|街上|市区|城区|被告)/.exec(rest)
  return place && rest.length - place[0].length >= 2 ? from + place[0].length : from
}

function scoreOf(value: string, phrase: string): number {
  // 连江县时代广场的健身馆: the place is not the shop, and 健身馆 alone names none
  if (/的/.test(phrase) && GENERIC.test(phrase.slice(phrase.lastIndexOf('的') + 1))) return 0.4
  // 淘宝店铺, 拼多多网店: a shop on a platform with no name of its own
  if (new RegExp(`^(?:${PLATFORM.source})上?的?(?:网店|店铺|店)$`).test(value)) return 0.45
  if (/^(?:该|这家|那家)|这个|那个/.test(value)) return 0.45 // refers back (商场这个专柜 too): the first naming is better
  if (GENERIC.test(value.replace(MARK, ''))) return MARK.test(value) ? 0.62 : 0.4 // 一家理发店 yes, 理发店 no
  return 0.75
}

/**
 * A named shop inside a longer naming: 这家百脑汇店 (a name, not only a reference back), 一家“科治好”门店 (the
 * quoted name), 家居建材广场林内专卖店 (the shop, not the mall it is in).
 */
function sharpen(value: string, score: number): { value: string; score: number } {
  const quoted = /^(?:某|一家|一间|这家|那家)?[“"]([^“”"]{2,12})[”"](?:门店|店)?$/.exec(value)
  if (quoted) return { value: quoted[1], score: Math.max(score, 0.72) }
  // 一家叫cc国际的服装店: the name it is called by
  const called = /^(?:一家|一间|这家|那家|某)?(?:叫|名为|名叫|叫做)[“"]?([^“”"的]{2,12}?)[”"]?的.{1,8}$/.exec(value)
  if (called && !GENERIC.test(called[1])) return { value: called[1], score: Math.max(score, 0.72) }
  // 一家健身中心的盛泽步行街分店: the shop, not its branch
  const branch = /^(.{2,12}?)的.{2,12}$/.exec(value)
  if (branch && BRANCH.test(value) && KIND_AT_END.test(branch[1])) return { value: branch[1], score: scoreOf(branch[1], branch[1]) }
  // 钻石大厦23层“A+女子运动俱乐部”: the quoted name, not the address before it
  const tailQuoted = /^.{2,}?[“"]([^“”"]{2,16})[”"]$/.exec(value)
  if (tailQuoted && KIND_AT_END.test(tailQuoted[1])) return { value: tailQuoted[1], score }
  const back = /^(?:这家|那家)(.{2,12})$/.exec(value)
  if (back && !GENERIC.test(back[1]) && !MARK.test(back[1])) return { value: back[1], score: Math.max(score, 0.75) }
  const mall = /^.{2,}?(?:广场|大厦|商场|商城|购物中心)(.{3,12})$/.exec(value)
  if (mall && !GENERIC.test(mall[1]) && !MARK.test(mall[1]) && /(?:店|专柜)$/.test(mall[1])) return { value: mall[1], score }
  // 古浪路288弄中环名品公馆: a street address before the name
  const address = /^[\u4e00-\u9fa5]{1,8}?[路街巷]\d+(?:弄|号)(.{3,12})$/.exec(value)
  if (address && !GENERIC.test(address[1])) return { value: address[1], score }
  // 庐阳区可苑路纳春大药房: a district and a road before the name (docs/extract-labelling.md: no address)
  const road = /^(?:[\u4e00-\u9fa5]{1,6}?[省市区县])?[\u4e00-\u9fa5\d]{2,8}?(?:路|街|大道|巷)(?:\d+号)?(.{3,12})$/.exec(value)
  if (road && !GENERIC.test(road[1]) && !MARK.test(road[1]) && !/^[的上口边旁]/.test(road[1])) return { value: road[1], score }
  return { value, score }
}

export function findMerchantMentions(text: string): Candidate[] {
  const out: Candidate[] = []
  const kindAtEnd = new RegExp(`(?:${KIND})$`)
  const platformAtEnd = new RegExp(`(?:${PLATFORM.source})$`)
  // a place phrase: a lead word, up to 24 name characters, then an act (在X买, 和X签, X的员工)
  for (const lead of findAll(text, LEAD)) {
    // 以为这是一家上市公司: a description of something already named, not where one went
    if (lead[0] === '是' && /[这那它]$/.test(text.slice(0, lead.start))) continue
    const clauseStart = !/[\u4e00-\u9fa5]/.test(lead[0])
    const where = /^(?:在|到|从|来到|走进|去)$/.test(lead[0])
    let end = lead.end
    while (end < text.length && end - lead.end < 24 && (NAME_CHAR.test(text[end]) || bracketAt(text, end) > 0)) {
      end += bracketAt(text, end) || 1
      const raw = text.slice(lead.end, end)
      const phrase = raw.replace(/[“”"‘’]/g, '')
      // 在2015年12月到这家机构, 吴先生和装修公司: a later lead word starts the phrase, not this one
      if (INNER_LEAD.test(phrase) || /^\d/.test(phrase)) break
      // 去了金华美缔造型理发店。: a shop word at the end of a sentence is where the story went
      // 买了北京某某科技公司的钻石卡, 办了一张交通银行的信用卡: whose card or goods were bought
      const bought = /^(?:买|购买|办)了/.test(lead[0]) && text[end] === '的' && kindAtEnd.test(phrase)
      const act = ACT.test(text.slice(end)) || (text[end] === '。' && kindAtEnd.test(phrase)) || bought
      if (phrase.length < 2 || !act) continue
      if (/网$/.test(phrase) && /^[购站页络友盘]/.test(text.slice(end))) continue // 某网购平台: not a 网
      const quoted = /^[“"‘]([^“”"‘’]{2,16})[”"’]$/.exec(raw.slice(core(raw)))
      let value: string
      let score: number
      if (quoted && (where || kindAtEnd.test(quoted[1])) && !/星级?|全程|内部/.test(quoted[1])) {
        value = quoted[1]
        score = 0.75
      } else if (OWNED.test(phrase) && kindAtEnd.test(phrase)) {
        // 某商贸公司开的网店: the company when the shop is unnamed (淘宝店铺 is unnamed too), else the shop (某食品专营店)
        const [, owner, shop] = OWNED.exec(phrase) ?? ['', '', '']
        const unnamed = GENERIC.test(shop.replace(PLATFORM, ''))
        value = unnamed ? owner.slice(core(owner)) : shop.slice(core(shop))
        score = scoreOf(value, value)
        // 张先生经营的饭馆, 美娟经营的美容工作室: a person's unnamed shop is named by the whole phrase
        if (unnamed && !kindAtEnd.test(owner) && !/朋友|亲戚|同学|同事|老乡|熟人|邻居|[他她我你]/.test(owner)) {
          value = phrase.slice(core(phrase))
          score = 0.7
        }
      } else if (kindAtEnd.test(phrase) || platformAtEnd.test(phrase)) {
        value = unquote(raw.slice(core(raw)))
        const platform = platformAtEnd.exec(value)
        score = platform && platform[0] === value ? 0.55 : scoreOf(value, phrase)
      } else if (
        where &&
        !clauseStart &&
        phrase.length >= 3 &&
        phrase.length <= 10 &&
        !/的|[他她我你]|几家|一直|\d|花了?[一二三四五六七八九十几百千万]/.test(phrase) &&
        !/[年月日号点时天个]|(?:上|里|家|中|后|前|内|下|边|旁|附近|手机|那里|当地|本地|网站?|医院|群|机场|车站|小区|广场|大厦|学校|公园|景区|路|街|镇|村|区|县|市|省)$/.test(
          phrase,
        ) &&
        /^(?:店里|门店)?(?:买|购|办(?!法)|充|订|定做|定制|签|消费|种牙|花\d)/.test(text.slice(end))
      ) {
        // 在优驾行买的, 到太原鼎植口腔种牙: a name with no shop word, less sure
        value = phrase
        score = 0.5
      } else continue
      ;({ value, score } = sharpen(value, score))
      if (value.length < 2 || /^[了的在到后再就也还于]|^[二三四五六七八九十几多\d]+家|星级|五星/.test(value)) break
      // 到同心县医院住院: where the harm was treated, not where it was bought
      if (/(?<!宠物)医院$/.test(value) && /^(?:看病|住院|治疗|就医|就诊|检查|抢救|输液|急诊)/.test(text.slice(end))) break
      // a clause that starts with the shop (贝乐湾游泳馆毫无征兆地倒闭) is less sure than 在X买
      if (clauseStart)
        score = Math.min(score, /^(?:忽然|突然|毫无征兆地)?(?:倒闭|关门|停业|跑路|人去楼空)/.test(text.slice(end)) ? 0.5 : 0.45)
      const start = text.indexOf(value, lead.end)
      // 同一家眼镜店, 是哪一家店: the same shop, or a question, not an indefinite one
      if (/^一/.test(value) && /[同哪]$/.test(text.slice(0, start))) break
      out.push({ value, start, score })
      break
    }
  }
  // 某大药房, 一家美容院, A商行 anywhere: a masked form is a merchant even without a lead word
  for (const m of findAll(
    text,
    new RegExp(`(?:某某|某|一家|一间|(?<![0-9A-Za-z])[A-Z甲乙丙丁](?=[\u4e00-\u9fa5]))[\u4e00-\u9fa5A-Za-z]{0,8}?(?:${KIND})`),
  )) {
    // 李某在某网, 何某从某店: 某 after a surname masks a person, not a shop
    if (/平台$/.test(m[0]) || INNER_LEAD.test(m[0].slice(1)) || /.(?:某|一家)/.test(m[0].replace(/^某某/, '某'))) continue
    // 同一家眼镜店, 这是一家上市公司, 哪一家店: a description or a question, not the seller
    if (/(?:同|有|像|如|哪)$/.test(text.slice(Math.max(0, m.start - 1), m.start))) continue
    // 是一家 describes; 是某小中介机构的托管房 says whose
    if (/是$/.test(text.slice(Math.max(0, m.start - 1), m.start)) && !/^某/.test(m[0])) continue
    // 她在萧山经营一家理发店: the consumer's own business; 一家大型网站: a website, not a 网
    if (/(?:经营|开了|开着|开过)$/.test(text.slice(Math.max(0, m.start - 2), m.start)) || /^[站页络友盘购]/.test(text.slice(m.end)))
      continue
    // 到某快递公司寄退货: the courier a return goes through, not the seller
    if (/(?:快递|物流)(?:公司|点|站)$/.test(m[0]) && /^寄/.test(text.slice(m.end))) continue
    out.push({ value: m[0], start: m.start, score: 0.55 })
  }
  // 一家叫“爱TA洗车”的, “小宠迷”宠物店: a quoted name next to shop words
  for (const m of findAll(
    text,
    new RegExp(
      `(叫|名为|名叫)?[“"]([^“”"${CLAUSE_END}]{2,16})[”"](的?(?:店|门店|餐厅|饭店|超市|理发店|美容院|健身房|洗车店|宠物店|服装店|药店|公司))?`,
    ),
  )) {
    if (!m[1] && !m[3] && !(new RegExp(`(?:${KIND})$`).test(m[2]) && m[2].length <= 10)) continue
    // 一种叫“益气聪明丸”的药, “准五星酒店”: a product or a grade, not a shop
    if (m[1] && !m[3] && !/家$/.test(text.slice(Math.max(0, m.start - 1), m.start)) && !new RegExp(`(?:${KIND})$`).test(m[2])) continue
    if (/星级?|全程|内部/.test(m[2])) continue
    // “秀媛堂”美容产品: a brand of goods, not the shop
    if (!m[3] && /^[\u4e00-\u9fa5]{0,4}(?:产品|系列|套装|套盒|品牌)/.test(text.slice(m.end))) continue
    out.push({ value: m[2], start: m.start + m[0].indexOf(m[2]), score: 0.72 })
  }
  // 北京瑞业兴堂生物科技有限公司（以下简称瑞业兴堂公司）: a name the text defines is the name
  for (const m of findAll(text, new RegExp(`(?:${LEAD.source})(${NAME_CHAR.source}{2,30}?(?:${KIND}))[（(](?:以下简称|下称|简称)`))) {
    const value = m[1].slice(core(m[1]))
    if (!INNER_LEAD.test(value) && !/[他她我你经]/.test(value)) out.push({ value, start: text.indexOf(value, m.start), score: 0.8 })
  }
  // 中洲锦城湖岸小区, 正商金域世家的业主: a housing development names the developer's project
  for (const m of findAll(
    text,
    /([\u4e00-\u9fa5·]{3,12}?)(?:小区|[一二三四五]期(?=的|小区|工程|项目|业主)|\d+栋|\d+号楼)|([\u4e00-\u9fa5·]{3,12}?)的业主/,
  )) {
    const raw = m[1] ?? m[2]
    const cut = raw.search(/[区路街市镇县道](?=[^区路街市镇县道]{3,}$)/)
    const value = raw.slice(cut + 1).replace(/^(?:在|到|的|是|了)/, '')
    const start = text.indexOf(value, m.start)
    // 住在三爻一小区的李先生: where the consumer lives, not what was bought (…小区的业主 is)
    if (/(?:住在|家住|居住在)[^，,。]{0,6}$/.test(text.slice(Math.max(0, start - 8), start)) && !/^(?:小区)?的业主/.test(text.slice(m.end)))
      continue
    if (value.length >= 3 && !INNER_LEAD.test(value) && !/^(?:新|老|该|这个|同|本)|[他她我你]们|最新|[他她我你]家/.test(value))
      out.push({ value, start, score: 0.56 })
  }
  // “鲁班精工”人去楼空, “佶普健身”的会籍顾问: a quoted name the story treats as the seller
  for (const m of findAll(
    text,
    new RegExp(
      `[“"‘]([^“”"‘’${CLAUSE_END}]{2,12})[”"’](?=(?:忽然|突然)?(?:人去楼空|倒闭|关门|停业|跑路|的(?:会籍|员工|销售|店员|老板|工作人员|业务员)))`,
    ),
  )) {
    out.push({ value: m[1], start: m.start + 1, score: 0.7 })
  }
  // the platform, when the seller is not named: 在拼多多上买的, 通过某电商平台下单
  // 点的蜜雪冰城外卖, 在某平台上买了一份麦当劳套餐: a chain named anywhere is the seller, above the platform
  for (const chain of CHAINS) {
    const at = text.indexOf(chain)
    // 物美价廉, 中国美食: a two-character chain inside a common phrase
    if (at >= 0 && /中国美|物美价/.test(text.slice(Math.max(0, at - 1), at + chain.length + 1))) continue
    if (at >= 0 && !PLATFORM.test(chain) && !out.some((c) => c.start <= at && at < c.start + c.value.length && c.score >= 0.58))
      out.push({ value: chain, start: at, score: 0.58 })
  }
  // 在美团APP上看到…一家美容机构: the platform where an offer was seen is not where one bought
  for (const m of findAll(text, PLATFORM))
    out.push({ value: m[0], start: m.start, score: /^(?:APP|App|app|客户端)?上?(?:看到|刷到|搜到)/.test(text.slice(m.end)) ? 0.45 : 0.55 })
  return out.filter((c) => c.start >= 0)
}

export function proposeMerchantMention(text: string): MerchantMention | null {
  const found = findMerchantMentions(text)
  if (found.length === 0) return null
  // the best kind of naming; of equals, the first: texts name the shop where the story starts
  const top = Math.max(...found.map((c) => c.score))
  const best = found.filter((c) => c.score >= top - 0.02).sort((a, b) => a.start - b.start)[0]
  return { value: best.value, confidence: best.score, start: best.start, end: best.start + best.value.length }
}
