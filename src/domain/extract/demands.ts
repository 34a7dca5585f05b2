// What the person asks for (诉求). Asked for outright (要求退款), or what they say the merchant refuses
// them (不给退, 不给修). Past events are not demands: 拿去修了两次, 给我换的轮胎.
import type { Demand } from '../classification'
import { before, CLAUSE_END, findAll } from './text'

interface Rule {
  demand: Demand
  pattern: RegExp
  /** a hit is dropped when the text right before it matches */
  unlessBefore?: RegExp
  /** a hit is dropped when the text right after it matches */
  unlessAfter?: RegExp
}

const REFUSED_OR_WANTED = /要求|希望|请|想|要|必须|应当|应该|给我|免费|马上|尽快|重新/

const RULES: Rule[] = [
  // 退一赔三 / 退一赔十: both a refund and punitive compensation
  { demand: 'refund', pattern: /退一赔[三十]/ },
  {
    demand: 'compensation',
    pattern: new RegExp(
      `[退假]一赔[三十]|[三十]倍赔|赔偿|赔钱|赔付|补偿|赔我|赔(?![不礼笑偿钱付我])[^${CLAUSE_END}]{0,6}(元|块|钱|费|损失)|违约金|照价赔|按.{0,6}赔|每.{0,3}赔|不赔`,
    ),
  },
  {
    demand: 'refund',
    pattern:
      /退款|退钱|退货|退费|退卡|退房|退车|退药|退团费|退定金|退押金|退还|退回|退差价|全额退|退给我|把钱退|钱退|退我|返还|(不给|不让|不肯|不予|不能|没给|都不|不)退|去退|要退|想退|退一|不退不换|退换/,
    unlessBefore: /别人|已经|已$/,
    unlessAfter: /^(的时候|时|烧)/,
  },
  {
    demand: 'exchange',
    pattern: /换货|换新|调换|更换|换[一两二三]?[个台件双瓶支部箱盒辆只条套]|换车|换掉|(要|想|给我|请|能|得)换(?![的了过])/,
    unlessAfter: /^[的了过]/,
  },
  {
    demand: 'repair',
    pattern: /维修|修好|修理|修复|检修|返修|保修|重做|上门修|(不给|拒绝|不肯|不予)修|给修/,
    unlessBefore: /(拿去|送去|送到|已经|拿到|都没有?给?|[^还]没有?给?)$/,
    unlessAfter: /^(了|过|店|厂|期|费|师傅|点|单)/,
  },
  { demand: 'apology', pattern: /道歉|道个歉|赔礼|赔不是|认错/ },
  {
    demand: 'other',
    pattern: new RegExp(
      `给个说法|讨个说法|要个说法|给个交代|整改|召回|兑现|批评教育|查处|处罚|曝光|下架|出具|书面[^${CLAUSE_END}]{0,4}报告|补发|不给补|赠品给我|履行|(要求|请)[^${CLAUSE_END}]{0,6}检测`,
    ),
  },
]

// 保修: only when refused (不给保修, 不在保修范围) or asked for, not "保修期内"
function keepRepair(text: string, start: number, hit: string): boolean {
  if (hit === '保修')
    return (
      /(不给?|拒绝|不予|不在|不属于)$/.test(before(text, start, 3)) ||
      (/^保修(?!期)/.test(text.slice(start)) && REFUSED_OR_WANTED.test(before(text, start, 4)))
    )
  if (hit === '维修') return REFUSED_OR_WANTED.test(before(text, start, 6)) || /不给|拒绝/.test(before(text, start, 4))
  return true
}

export interface DemandProposal {
  value: Demand[]
  confidence: number
  evidence: string
}

export function proposeDemands(text: string): DemandProposal | null {
  const found = new Map<Demand, string>()
  for (const rule of RULES) {
    for (const m of findAll(text, rule.pattern)) {
      const left = before(text, m.start, 4)
      if (/(不要|不用|不需要|无需|不想|不求)$/.test(left)) continue
      if (/^[要想]/.test(m[0]) && /不$/.test(left)) continue // 不要退, 不想换
      if (rule.unlessBefore?.test(left)) continue
      if (rule.unlessAfter?.test(text.slice(m.end, m.end + 3))) continue
      if (rule.demand === 'repair' && !keepRepair(text, m.start, m[0])) continue
      if (!found.has(rule.demand)) found.set(rule.demand, m[0])
    }
  }
  if (found.size === 0) return null
  const order: Demand[] = ['refund', 'exchange', 'repair', 'compensation', 'apology', 'other']
  const value = order.filter((d) => found.has(d))
  const asked = /要求|希望|请求|诉求|必须|要么|我要|想要/.test(text)
  return { value, confidence: asked ? 0.85 : 0.65, evidence: [...found.values()].join('、') }
}
