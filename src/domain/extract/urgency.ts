// How urgent (紧急程度), from what the text says happened. Fast-track signals (docs/domain.md "Classification"): someone hurt,
// a group, a visitor leaving soon, a dispute going on right now. 特急 when someone is hurt or a group is
// affected; 紧急 when a visitor or a dispute on the spot; otherwise 一般.
import { after, before, CLAUSE_END, findAll, negatedBefore } from './text'

/** one character of the same clause (text.ts: stops at ！？；： and line breaks too) */
const C = `[^${CLAUSE_END}]`

export type UrgencyLevel = '特急' | '紧急' | '一般'
export interface UrgencySignals {
  injury: boolean
  group: boolean
  visitor: boolean
  happeningNow: boolean
}

// three or more: 3名, 九人, 二三十人, 100多户, 20余位 (two people are not a group)
const MANY =
  '(?<![0-9·.])(?:[3-9]|[1-9][0-9]+|[三四五六七八九十几数]|好几|二三十|十几|几十|[一二三四五六七八九]十[一二三四五六七八九]?|[一二三四五六七八九几]百)'
const INJURY = new RegExp(
  String.raw`受了?伤|摔伤|烫伤|烧伤|灼伤|割伤|划伤|砸伤|咬伤|扭伤|[撞碰磕挤刺扎擦踩抓]伤|骨折|过敏|住院|住进了?医院|急诊|送医|打点滴|流血|流了.{0,3}血|出血|吐血|吃坏肚子|吃坏了|拉肚子|拉了.{0,3}肚子|闹肚子|腹泻|肚子疼|上吐下泻|呕吐|吐了|又吐|干呕|催吐|中毒|起疹子|疹子|红疹|红肿|又红又肿|肿了|溃烂|流脓|脓水|发炎|水泡|起了泡|舌头上起|疤痕|畸形|凹陷|脑梗|咳个不停|得了猫瘟|(?<!毛)病了|触电|被电|晕倒|昏迷|头晕|头还晕|喉咙痛|烫红|摔了个|滑倒|摔倒|磕破|(?:皮|头|脸|嘴|手|脚|腿|膝盖|耳朵|喉咙|嗓子)${C}{0,3}破了|[剪刺划]破了|牙齿?崩|夹得发紫|夹伤|手都麻|掉发(?!动)|脱发|大块大块掉|齐根断|毁容|口干舌燥|救护车|急救|抢救|死亡|身亡|去世(?![贸界纪博])|感染|皮炎|湿疹|瘙痒|痒得|脱皮|红斑|溃疡|头痛|腹痛|胃疼|胃痛|剧痛|(?:一直|开始|还在|不停地?)咳嗽|疼得|痛得|失明|视力下降|窒息|抽搐|休克|中暑|不适(?!应|合)|(?:身体|眼睛|头|肚子|胃)${C}{0,4}(?:不舒服|难受)|不适症状|出现${C}{0,8}不适|有了?${C}{0,4}不适|(?:出现|有了?|感到|感觉|引起)${C}{0,3}恶心|恶心[、,]?(?:呕吐|想吐|厌食|头晕)|(?:猫|狗|犬|宠物)${C}{0,6}(?:死了|死亡|病死|不治|得了)|(?:眼睑|眼睛|眼皮|鼻子|鼻梁|嘴唇|面部|脸)${C}{0,6}(?:变形|不对称|一大一小)|两眼${C}{0,4}不对称|眉毛被切|(?:血压|血糖|血脂)${C}{0,4}(?:高了|升高|偏高)|(?:牙|种植体)[^。]{0,12}(?:断了|掉了)|断掉的牙|丢了一颗牙|发烧(?!友)|高烧|肠胃炎|胃肠炎|肠炎|心慌|胸闷|呼吸困难|骨裂|脑震荡|淤青|伤口|伤疤|破相|缝了.{0,3}针|病危|ICU|重症监护|便血|拉稀|犬瘟|猫瘟|细小病毒|病狗|病猫|星期狗|星期猫|耳鸣|视力模糊|(?:病情|症状)${C}{0,2}(?:不但|非但)没有?(?:起色|好转|减轻)|(?:病情|症状)${C}{0,4}(?:加重|恶化)|反而(?:加重|恶化)`,
)
const GROUP = new RegExp(
  `好几个人|好多人|很多人|一群|一批${C}{0,8}(?:消费者|会员|市民|家长|业主|顾客)|我们几个|我们一家.{0,3}口都|全家都|大家都(?:在|被)|多名|多位|数百(?![元块万亿])|十几户|几百户|上百(?![元块万亿])|上千(?![元块万亿])|业主们|会员们|家长们|老人们|消费者们|全楼|们都被|我们一团|全团|集体|群体|其他顾客也|老人都|会员都|不少(?:市民|消费者|会员|家长|业主|顾客|人)|每人花|三原告|好多(?:邻居|会员|家长|业主|顾客)|一家[三四五六七八]口|多人|数十(?![元块万亿])|数名|众多(?:消费者|会员|业主|家长|市民)|维权群|业主群|联名|(?:一样|同样|相同)(?:遭遇|情况|经历)的(?:人|消费者|会员|顾客)|(?:接连|陆续|先后)(?:收到|接到)${C}{0,8}(?:投诉|求助|反映)|多户|其他(?:家长|会员|消费者|业主|顾客)|等(?:消费者|会员|业主|房主|住户|家长)|${MANY}(?:多|余)?[名位](?![数置于])|${MANY}(?:多|余|来)?(?:名|位|户|个)?(?:消费者|会员|家长|业主|房主|住户|居民|租户|老人|家庭|学员|顾客|客户|用户|同事|游客|乘客|食客|市民|车主|人)`,
)
const VISITOR = new RegExp(
  String.raw`外地(?:来|人|游客|的游客|客人)|从外地(?!回)|(?:(?<![后本原将])来|到|在|去)[^${CLAUSE_END}、]{1,6}出差|出差(?:到|来|去|期间|途中|时|住)|游客|(?:来|到|出去|外出|在外)${C}{0,8}旅游|旅游(?:期间|时|途中)|出游|来玩|去${C}{1,6}玩|旅行团|导游|明天就走|明天一早就要|马上要走|就要走|赶飞机|赶火车|赶高铁|赶车|下了?火车|下了?飞机|人生地不熟|过来玩|(?:特地|专程|专门)从|从[^${CLAUSE_END}从\d]{2,3}来[^${CLAUSE_END}从\d]{2,4}的|(?:准备|要|打算|赶着)(?:坐|乘|搭)${C}{0,8}(?:火车|列车|飞机|航班|高铁|动车)|从[^${CLAUSE_END}从\d]{2,3}(?:来的|专程|特地)|从[^${CLAUSE_END}从\d]{2,3}来${C}{2,4}(?:送外卖|打工|游玩|出差)`,
)
const NOW = new RegExp(
  String.raw`现在${C}{0,3}[还就]在(?!医院|家)|正在(?:店里|店内|现场|争吵|吵|理论|交涉)|就在店里|(?<!退)还在店里|不让走|不让我们走|堵在|堵住|扣着|拦着|在门口等|此刻|全是人|围着|围住`,
)

// a row (吵起来, 争执不下) is a dispute on the spot only when its sentence puts it there (在店里, 门口, 现场) or now (已经, 正在);
// 双方在退款上争执不下 tells of a dispute over weeks, not one going on now
const ROW = /吵起来|吵得不可开交|争执不下|僵持/
const ON_SITE = /店里|店内|店门|门口|柜台|前台|大厅|现场|已经|正在|现在|还在/
// 回国后, 返程以后, 回到西安后: the trip is over, so whoever complains is no longer a visitor on site
const TRIP_OVER = new RegExp(
  String.raw`回国|返程|回到(?!酒店|宾馆|住处|民宿|房间)${C}{1,8}(?:后|以后|之后)|回家(?:后|以后|之后)|(?:旅游|旅行|行程)结束|(?:旅游|旅行|出游)回来`,
)

// 隔壁曾发生过一起爆炸事故,造成多人受伤: harm in a past event the text recalls, not to this consumer
const PAST_EVENT = /曾(?:经)?发生/
// 因为咳嗽了1个多月不见好,到医院住院: a hospital stay with its cause told in the same sentence is judged by that
// cause (因食物中毒住院 fires on 中毒), not by the stay itself
// 沙发扶手开始脱皮, 墙面起了泡, 车门凹陷, 被水泡过, 真让人头痛: surface words said of goods (or a figure of speech), not of a body
const SURFACE = /^(?:脱皮|起了泡|水泡|凹陷)/
const GOODS_BEFORE = new RegExp(
  String.raw`(?:沙发|鞋|皮衣|皮革|皮面|墙|漆|地板|壁纸|屏幕|贴膜|车身|车门|车顶|座椅|桌|柜|包|外壳|机身)${C}{0,10}$|被$`,
)
const FIGURE_BEFORE = /(?:让人|令人|很|真|最|挺)$/
const goodsOrFigure = (text: string, start: number, end: number) =>
  (SURFACE.test(text.slice(start, end)) && GOODS_BEFORE.test(before(text, start, 16))) ||
  (text.slice(start, end) === '头痛' && FIGURE_BEFORE.test(before(text, start, 2)))
// 说是治耳鸣耳聋, 能缓解湿疹: the condition the goods are for, not a harm they did
const PURPOSE_BEFORE = /(?:治|根治|缓解|改善|预防)$/
// 要是吃坏了肚子,谁负责?: harm supposed, not suffered
const SUPPOSED = new RegExp(String.raw`(?:要是|如果|万一|假如|假使|倘若|一旦)${C}{0,8}$`)
const HOSPITAL_STAY = /^(?:住院|住进了?医院|急诊|送医|打点滴)/
const CAUSE_GIVEN = /因为|由于|因(?!此|而)/
// 觉得身体不舒服,去医院检查才发现自己怀孕了: a vague discomfort whose sentence names what it was is judged by that
// (检查发现是食物中毒 fires on 中毒), not by the discomfort
const VAGUE_DISCOMFORT = /^(?:身体|眼睛|头|肚子|胃).{0,4}(?:不舒服|难受)$|^不适$/
const DIAGNOSED_AFTER = /检查|查出|诊断|结果是/
// 那是2019年9月的一天晚上,…仍围着她不让走: a scene dated to a past year is not going on now
const DATED_PAST = /(?:19|20)[0-9]{2}年/
// 身边好多人都说, 好几位油漆师傅帮忙看: people who comment or help are not people affected
const NOT_AFFECTED = new RegExp(
  String.raw`^${C}{0,3}(?:说|认为|觉得|知道|碰到过|遇到过|肯定)|^${C}{0,4}(?:师傅|医生|律师|专家|记者|民警|工作人员|员工|店员|服务员|私教|教练|销售|导购|保安|店长|美容师|理发师|发型师|司机|导游)`,
)

function said(text: string, re: RegExp, skip?: (end: number, start: number) => boolean): string | null {
  for (const m of findAll(text, re)) {
    if (
      negatedBefore(text, m.start) ||
      SUPPOSED.test(before(text, m.start, 12)) ||
      PAST_EVENT.test(before(text, m.start, 30)) ||
      skip?.(m.end, m.start)
    )
      continue
    return m[0]
  }
  return null
}

/** the sentence a match ends in: what comes before it and after it up to 。！？；or a line break */
function sentenceAround(text: string, end: number): string {
  return before(text, end, 60) + after(text, end, 60)
}

export function assessUrgency(text: string): { level: UrgencyLevel; signals: UrgencySignals; evidence: string[] } {
  const hits = {
    injury: said(
      text,
      INJURY,
      (end, start) =>
        (HOSPITAL_STAY.test(text.slice(start, end)) && CAUSE_GIVEN.test(before(text, start, 60))) ||
        (VAGUE_DISCOMFORT.test(text.slice(start, end)) && DIAGNOSED_AFTER.test(after(text, end, 40))) ||
        goodsOrFigure(text, start, end) ||
        PURPOSE_BEFORE.test(before(text, start, 3)),
    ),
    group: said(text, GROUP, (end) => NOT_AFFECTED.test(text.slice(end))),
    visitor: TRIP_OVER.test(text) ? null : said(text, VISITOR),
    happeningNow:
      said(text, NOW, (end) => DATED_PAST.test(sentenceAround(text, end))) ??
      said(text, ROW, (end) => !ON_SITE.test(sentenceAround(text, end)) || DATED_PAST.test(sentenceAround(text, end))),
  }
  const signals = { injury: !!hits.injury, group: !!hits.group, visitor: !!hits.visitor, happeningNow: !!hits.happeningNow }
  const level: UrgencyLevel = signals.injury || signals.group ? '特急' : signals.visitor || signals.happeningNow ? '紧急' : '一般'
  return { level, signals, evidence: Object.values(hits).filter((h): h is string => !!h) }
}
