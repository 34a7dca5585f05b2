// How urgent (紧急程度), from what the text says happened. Fast-track signals (docs/domain.md "Classification"): someone hurt,
// a group, a visitor leaving soon, a dispute going on right now. 特急 when someone is hurt or a group is
// affected; 紧急 when a visitor or a dispute on the spot; otherwise 一般.
import { findAll, negatedBefore } from './text'

export type UrgencyLevel = '特急' | '紧急' | '一般'
export interface UrgencySignals {
  injury: boolean
  group: boolean
  visitor: boolean
  happeningNow: boolean
}

const INJURY =
  /受伤|摔伤|烫伤|烧伤|割伤|划伤|砸伤|咬伤|扭伤|骨折|过敏|住院|急诊|送医|打点滴|流血|流了.{0,3}血|出血|吃坏肚子|吃坏了|拉肚子|肚子疼|上吐下泻|呕吐|吐了|中毒|起疹子|疹子|红疹|红肿|又红又肿|溃烂|发炎|水泡|触电|被电|晕倒|昏迷|头晕|头还晕|喉咙痛|烫红|摔了个|磕破|破了|夹得发紫|夹伤|手都麻/
const GROUP =
  /好几个人|好多人|很多人|一群|我们几个|我们一家.{0,3}口都|全家都|大家都|多名|多位|几十个|十几个|十几户|二十多个|几百户|上百|业主们|全楼|们都被|一团|集体|其他顾客也|老人都|会员都/
const VISITOR =
  /外地|出差|游客|旅游|来玩|旅行团|导游|明天就走|明天一早就要|马上要走|就要走|赶飞机|赶火车|赶高铁|赶车|人生地不熟|路过|过来玩/
const NOW =
  /现在[^，。！？]{0,3}[还就]在(?!医院|家)|正在(?!维修|处理)|就在店里|还在店里|不让走|不让我们走|吵起来|僵持|堵在|扣着|拦着|在门口等|此刻|现场|全是人|围着/

function said(text: string, re: RegExp): string | null {
  for (const m of findAll(text, re)) if (!negatedBefore(text, m.start)) return m[0]
  return null
}

export function assessUrgency(text: string): { level: UrgencyLevel; signals: UrgencySignals; evidence: string[] } {
  const hits = { injury: said(text, INJURY), group: said(text, GROUP), visitor: said(text, VISITOR), happeningNow: said(text, NOW) }
  const signals = { injury: !!hits.injury, group: !!hits.group, visitor: !!hits.visitor, happeningNow: !!hits.happeningNow }
  const level: UrgencyLevel = signals.injury || signals.group ? '特急' : signals.visitor || signals.happeningNow ? '紧急' : '一般'
  return { level, signals, evidence: Object.values(hits).filter((h): h is string => !!h) }
}
