// The main grievance (问题类型). Each type has its telltale words; where several apply, the more
// specific wins (食品安全 over 质量 for food, 安全隐患 when someone was or nearly was hurt).
import type { ProblemType } from '../classification'
import type { IndustryLine } from '../industry'
import { CLAUSE_END } from './text'

const SIGNS: [ProblemType, RegExp, number][] = [
  [
    '食品安全',
    /变质|馊|发臭|臭味|异味|怪味|发霉|发绿|异物|苍蝇|虫子|虫|头发|塑料片|钉子|拉肚子|肚子疼|吃坏|上吐下泻|食物中毒|过期|保质期|生产日期|中文标签|防腐剂|老油|回收油|地沟油|烂的|酸的/,
    2,
  ],
  [
    '质量',
    /质量|坏了|过期|拆封过|二手货|刮了|划了|打碎|破损|损坏|开裂|渗水|剪破|故障|不准|跑绒|开线|掉皮|黑屏|死机|关机|失灵|不制冷|不冻|结冰|漏水|杂音|不行|不能用|没法用|没修好|划痕|洗坏|剪得|假药|假货|防伪码|拼装|发霉|杂质|结块|破的|絮状物|不合格|三无|没有中文|英文|不防水|水印|异响|偏|漏油|滴机油|充不进电|裂缝|裂纹|掉色|褪色|缩水|起皱|变形|走了?形|开了线|掉漆|度数|真假|假冒|不对劲/,
    1,
  ],
  ['售后服务', /售后|保修|不给修|拒绝上门|拒绝检修|返厂|等配件|推脱|推给|客服|返修|上门.{0,4}次|不给退|不负责/, 1.2],
  [
    '合同',
    /合同|约定|定金|订金|违约|延期|交房|交付|押金|诚意金|保证金|搭售|强制要求买|不买就不给|规则改了|按保价|丢件|丢了|中介费|押[一二]付/,
    1.2,
  ],
  [
    '虚假宣传/广告',
    /宣传|广告|号称|祖传|秘方|欺诈|宣称|虚假|忽悠|骗|包过|纯玩|根治|特效|医用级|图片|主播|百分百|真皮|零添加|无糖|有机|足银|以次充好|冒充|绝对化|最低价|没出过事故|调过|包好|说好的|送一|活动结束|能治|非医疗|不是医疗器械|标注|原价|样片/,
    1.2,
  ],
  [
    '价格',
    new RegExp(
      `标价|价签|多收|乱收费|收费|宰|天价|时价|杀熟|不打表|鬼秤|短斤少两|缺斤少两|茶位费|先涨价|差价|贵了|价格欺诈|计价器|物价|一口价|克重|金价|每克|年费|最低消费|要价|账单|加钱|短了?[你我]?的?秤|称[^${CLAUSE_END}]{0,4}少了`,
    ),
    1.5,
  ],
  [
    '预付式消费',
    /办卡|办了.{0,3}卡|会员卡|年卡|储值卡|购物卡|充值|充了|余额|课时费|跑路|关门|预付|划走|被扣|激活费|课包|私教课|剩余课|没上完|卷钱|卷走|停课|人去楼空|退学费|[季次]卡|美容卡|游泳卡|健身卡|油卡|钻石卡|有效期/,
    1.5,
  ],
  ['无理由退货', /无理由|不退不换|概不退换|没拆封|未拆封|吊牌|七天|7天|一经售出/, 2.5],
  ['个人信息', /个人信息|身份证|手机号|扫脸|人脸|录脸|骚扰|泄露|公众号|隐私/, 2.5],
  [
    '安全隐患',
    /爆炸|起火|着火|冒烟|漏电|触电|被电|烧焦|烧黑|烧了|煤气|燃气|断了|摔|夹了|夹伤|刹车失灵|甲醛|危险|鼓包|掉到|坠落|吞|烫|安全|警示/,
    1.5,
  ],
  ['服务态度', /态度|骂|凶|甩脸色|不耐烦|对不起|翻我的包|搜身|爱修不修|爱给不给|恶劣|很冲/, 1.2],
]

export interface ProblemTypeProposal {
  value: ProblemType
  confidence: number
  evidence: string
}

export function classifyProblemType(text: string, industry: IndustryLine, injured: boolean): ProblemTypeProposal {
  const scores = SIGNS.map(([type, re, weight]) => {
    const hits = text.match(new RegExp(re.source, 'g')) ?? []
    return { type, score: hits.length === 0 ? 0 : weight + 0.3 * Math.min(3, hits.length - 1), evidence: hits[0] ?? '' }
  })
  const bump = (type: ProblemType, by: number) => {
    const s = scores.find((x) => x.type === type)
    if (s && s.score > 0) s.score += by
  }
  if (industry === '价格') bump('价格', 3)
  if (industry === '食品' || industry === '职业索赔') bump('食品安全', 1)
  else bump('食品安全', -2.5) // 过期 medicine, 生产日期 on a device: quality, not food safety
  if (injured) bump('安全隐患', 1)
  scores.sort((a, b) => b.score - a.score)
  const best = scores[0]
  if (best.score <= 0) return { value: '其他', confidence: 0.3, evidence: '' }
  const margin = best.score - scores[1].score
  // any telltale word is worth proposing (the person confirms); a clear lead makes it surer
  return { value: best.type, confidence: Math.min(0.9, 0.5 + 0.1 * Math.min(margin, 3) + 0.03 * best.score), evidence: best.evidence }
}
