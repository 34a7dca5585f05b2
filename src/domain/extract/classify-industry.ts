// Which of the ten industry lines routes the complaint. Price grievances (多收, 标价不符, 乱收费) go
// to 价格 whatever the trade; bulk buying for punitive damages goes to 职业索赔; otherwise the trade's
// words decide, with 一般消费纠纷 when nothing stands out.
import type { IndustryLine } from '../industry'
import { CLAUSE_END } from './text'

type Weights = [RegExp, number][]

const TRADE: Record<Exclude<IndustryLine, '价格' | '职业索赔'>, Weights> = {
  食品: [
    [
      /吃|喝|餐|饭|菜|外卖|食物|食品|小吃|零食|饮料|奶茶|火锅|蛋糕|面包|牛奶|饺子|包子|馄饨|披萨|烧烤|串串|刺身|酸菜鱼|车厘子|草莓|水果|坚果|核桃|调和油|大米|酱油|辣条|熟食|汤|婚宴|宴席|酒楼|保健品|保健食品|口服液/,
      1,
    ],
    [/变质|馊|发臭|臭味|哈喇|异物|苍蝇|虫子|头发|拉肚子|吃坏|上吐下泻|食物中毒|保质期|生产日期|过期/, 1],
  ],
  药品: [
    [/药店|药房|大药房|药品|处方|中药|药材|西药/, 2],
    [/药|胶囊|颗粒|糖浆|软膏|膏药|维生素|布洛芬|阿莫西林|安宫牛黄丸|蒙脱石散|感冒灵/, 1.5],
  ],
  医疗器械: [
    [
      /医疗器械|注册证|血压计|血糖仪|体温计|额温枪|助听器|隐形眼镜|轮椅|制氧机|雾化器|理疗仪|理疗床|治疗仪|牵引器|颈托|助行器|医用.{0,4}口罩|心电|血氧仪/,
      3,
    ],
  ],
  商超: [
    [/超市|商场|便利店|卖场|购物中心/, 2],
    [/积分|购物卡|储值卡|存包|寄存|赠品|收银|保安|服务台|试衣间|扶手|排队结账|结账的时候/, 1.5],
  ],
  一般消费纠纷: [
    [
      /健身|理发|洗剪吹|美容|美发|美甲|培训|课时|驾校|干洗|快递|装修公司|家政|KTV|网吧|旅行社|旅游|导游|民宿|酒店|影城|电影|婚纱|摄影|游泳|宠物|维修店|换屏|办卡|口腔|种植牙|牙科|假牙|烤瓷牙|牙冠|正畸/,
      2,
    ],
  ],
  汽车: [
    [
      /4S店|汽车|新车|二手车|提车|订车|交车|退车|换车|轮胎|保养|发动机|变速箱|刹车|洗车|镀晶|四轮定位|汽修|修理厂|取车|修车|送修|方向盘|车漆|车门|仪表盘|公里数|气囊|充电口/,
      2,
    ],
  ],
  房地产: [[/开发商|交房|物业|中介|租房|房东|房租|业主|售楼|样板间|首付|期房|精装修|甲醛|车位|产权|楼盘|商品房|二手房|看房|门禁/, 2]],
  产品质量: [
    [
      /手机|电脑|笔记本|电视|冰箱|空调|洗衣机|热水器|电饭煲|空气炸锅|电热毯|充电宝|充电器|电蚊拍|羽绒服|衣服|毛衣|羊毛衫|衬衫|皮鞋|鞋|手表|玩具|自行车|电动车|电瓶车|家具|沙发|面膜|化妆品|瓷砖|地板|门窗|眼镜|首饰|手镯|镯子|戒指|项链|翡翠|皮衣|大衣|风衣|燃气灶|煤气灶|油烟机|净水器|热水壶|插座|包包/,
      1,
    ],
    [/跑绒|开线|掉皮|黑屏|死机|自动关机|不制冷|漏水|爆炸|起火|鼓包|烧焦|质量太差/, 1],
  ],
}

// the grievance is the price itself
const PRICE: Weights = [
  [
    /标价|明码标价|价签|价格欺诈|乱收费|多收|宰客|宰人|天价|时价|杀熟|不打表|鬼秤|短斤少两|缺斤少两|按一斤收|茶位费|先涨价|物价局|收费不透明|价格谁定|电费一度|一小时\d+元|结账要了|计价器|贵了|看秤/,
    3,
  ],
  [/差价|收费|收了我|要收我|收我们|结账.{0,4}收/, 1],
  // third-person price cases (train split): 一口价 gold without its weight, a fee never announced, short weight
  [new RegExp(`一口价|克重|每克|年费|最低消费|要价|随意加钱|短了?[你我他她]?的?秤|[称秤][^${CLAUSE_END}]{0,4}(?:少了|差了|缺了)`), 2],
]

// the count must be in the clause of the buying: 买了牛奶；全家12个人都喝了 is no bulk purchase
const BULK = new RegExp(
  `(买|购买|购|又买)了?[^${CLAUSE_END}]{0,10}?([1-9]\\d|[一二三四五六七八九]?十[一二三四五六七八九]?|[八九]|五十|一百)\\s*(瓶|盒|袋|罐|份|件|条|包|个|箱|斤|支)`,
)
const PUNITIVE = /十倍|[三十]倍赔|赔十|退一赔|假一赔|每.{0,8}赔|赔偿金/
const LEGAL = /第.{1,6}条|依据《|根据《|知假买假|多次.{0,8}维权|违反.{0,8}法/

export function isProfessionalClaim(text: string): boolean {
  if (/知假买假/.test(text)) return true
  if (!PUNITIVE.test(text)) return false
  const bulk = BULK.exec(text)
  const formal = /本人|贵店|贵公司|贵超市|你们店/.test(text)
  return !!bulk || (LEGAL.test(text) && formal && /购买/.test(text))
}

function total(text: string, weights: Weights): number {
  return weights.reduce(
    (sum, [re, w]) => sum + (re.test(text) ? w + 0.25 * Math.min(3, (text.match(new RegExp(re.source, 'g'))?.length ?? 1) - 1) : 0),
    0,
  )
}

export interface IndustryProposal {
  value: IndustryLine
  confidence: number
  evidence: string
}

export function classifyIndustry(text: string, productHint: IndustryLine | null): IndustryProposal {
  if (isProfessionalClaim(text)) return { value: '职业索赔', confidence: 0.75, evidence: (PUNITIVE.exec(text) ?? [''])[0] }
  const price = total(text, PRICE)
  const scores = (Object.keys(TRADE) as (keyof typeof TRADE)[]).map((line) => ({
    line: line as IndustryLine,
    score: total(text, TRADE[line]) + (productHint === line ? 1 : 0),
  }))
  if (productHint === '价格') scores.push({ line: '价格', score: 1 })
  scores.sort((a, b) => b.score - a.score)
  if (price >= 3 || (price >= 1 && price > scores[0].score)) {
    return {
      value: '价格',
      confidence: Math.min(0.9, 0.5 + price * 0.1),
      evidence: PRICE.map(([re]) => re.exec(text)?.[0]).find(Boolean) ?? '',
    }
  }
  const best = scores[0]
  if (best.score <= 0) return { value: '一般消费纠纷', confidence: 0.3, evidence: '' }
  const margin = best.score - (scores[1]?.score ?? 0)
  const evidenceWord = TRADE[best.line as keyof typeof TRADE]?.map(([re]) => re.exec(text)?.[0]).find(Boolean) ?? ''
  return { value: best.line, confidence: Math.min(0.9, 0.45 + margin * 0.15 + best.score * 0.05), evidence: evidenceWord }
}
