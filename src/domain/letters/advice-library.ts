import { PROBLEM_TYPES, type ProblemType } from '../classification'

// The maintained advice library of the 消费投诉分析建议书 (issue 19.3): for every problem type of the
// product's list (classification.ts PROBLEM_TYPES), concrete things a shop can change, each with the duty it
// rests on. Kept as data so the station can reword it without touching how a letter is put together;
// a test checks that every problem type has at least one piece of advice.

export interface Advice {
  /** what to do, addressed to the shop */
  text: string
  /** the rule it follows (law and article), printed after the advice */
  basis: string
}

export const ADVICE_LIBRARY: Readonly<Record<ProblemType, readonly Advice[]>> = {
  质量: [
    {
      text: '进货时查验供货商资质和产品合格证明，建立进货查验记录；销售前逐件检查，不合格商品一律下架。',
      basis: '《消费者权益保护法》第二十三条',
    },
    {
      text: '商品出现质量问题时，按国家规定、约定或“七日内退货，其后可换货、修理”的规则直接处理，不推诿给厂家。',
      basis: '《消费者权益保护法》第二十四条',
    },
  ],
  售后服务: [
    {
      text: '在店内和小票上写明退换货、维修的办理方式和联系电话，指定专人负责，接到售后要求当天答复。',
      basis: '《消费者权益保护法》第二十四条',
    },
    {
      text: '实行“三包”的商品，按三包规定履行修理、更换、退货义务，费用不得转嫁给消费者。',
      basis: '《消费者权益保护法》第二十四条、相关商品三包规定',
    },
  ],
  合同: [
    {
      text: '签约前把价格、服务内容、期限、违约责任和退款办法写进书面合同，一式两份交消费者保存。',
      basis: '《消费者权益保护法》第二十六条',
    },
    {
      text: '检查格式合同和店堂告示，删除“最终解释权归本店”“概不退换”等排除消费者权利、减轻自身责任的条款。',
      basis: '《消费者权益保护法》第二十六条',
    },
  ],
  '虚假宣传/广告': [
    {
      text: '宣传内容（功效、产地、原价、赠品）与实际一致，不使用“最”“第一”等无法证明的用语；促销规则提前写清楚。',
      basis: '《消费者权益保护法》第二十条、《广告法》',
    },
    {
      text: '直播和网店页面保存宣传截图，顾客就宣传提出异议时以页面为准履行承诺。',
      basis: '《消费者权益保护法》第二十条',
    },
  ],
  价格: [
    {
      text: '所有商品和服务明码标价，标明品名、价格和计价单位；按标价结算，不在标价之外加收未标明的费用。',
      basis: '《价格法》第十三条、《明码标价和禁止价格欺诈规定》',
    },
    {
      text: '折扣和“原价”须有真实依据，促销期间保存此前的交易价格记录，不虚构原价。',
      basis: '《明码标价和禁止价格欺诈规定》',
    },
  ],
  食品安全: [
    {
      text: '每天检查食品保质期，过期和变质食品立即下架并登记销毁；从业人员持有效健康证明上岗。',
      basis: '《食品安全法》第五十四条、第四十五条',
    },
    {
      text: '保存进货凭证和检验合格证明，出现食品安全投诉时主动提供来源，依法承担赔偿责任。',
      basis: '《食品安全法》第五十三条、第一百四十八条',
    },
  ],
  预付式消费: [
    {
      text: '办理预付卡前与消费者签订书面合同，写明预付金额、服务项目、有效期和退款办法，不单方变更服务内容。',
      basis: '《消费者权益保护法实施条例》第二十二条',
    },
    {
      text: '不能按约定提供服务（停业、搬迁、转让）时，提前告知并按消费者要求履行或退回剩余预付款。',
      basis: '《消费者权益保护法》第五十三条',
    },
  ],
  无理由退货: [
    {
      text: '网络、电视、电话、邮购等方式售出的商品，自收货之日起七日内接受无理由退货，并在收到退货后七日内退款。',
      basis: '《消费者权益保护法》第二十五条',
    },
    {
      text: '不适用七日无理由退货的商品，须在下单页面显著提示并经消费者确认，不能事后以“特价商品”为由拒绝。',
      basis: '《消费者权益保护法》第二十五条、《网络购买商品七日无理由退货暂行办法》',
    },
  ],
  个人信息: [
    {
      text: '收集顾客姓名、电话等信息前说明用途并取得同意，只收集必要的信息，不向他人出售或提供。',
      basis: '《消费者权益保护法》第二十九条、《个人信息保护法》',
    },
    {
      text: '未经顾客同意或在顾客明确拒绝后，不再发送推销短信和拨打推销电话。',
      basis: '《消费者权益保护法》第二十九条',
    },
  ],
  安全隐患: [
    {
      text: '对可能危及人身、财产安全的商品和服务作出真实说明和明确警示；经营场所配备安全设施并定期检查。',
      basis: '《消费者权益保护法》第十八条',
    },
    {
      text: '发现商品或服务存在缺陷，立即停止销售、告知消费者并采取召回等措施。',
      basis: '《消费者权益保护法》第十九条',
    },
  ],
  服务态度: [
    {
      text: '对员工进行接待培训，遇到争议时不得辱骂、搜身或限制顾客离开，由店长出面处理。',
      basis: '《消费者权益保护法》第十四条、第二十七条',
    },
    {
      text: '在店内公示投诉电话和负责人，顾客投诉后 45 分钟内联系答复，态度问题当面致歉。',
      basis: '本站放心消费承诺',
    },
  ],
  其他: [
    {
      text: '指定专人处理消费纠纷，接到转办的投诉后在承诺时限内答复，与消费者协商时保留沟通记录。',
      basis: '《消费者权益保护法》第三十九条',
    },
  ],
}

const isProblemType = (value: string): value is ProblemType => (PROBLEM_TYPES as readonly string[]).includes(value)

/** The advice for a problem type as the cubes spell it; an unknown or empty type gets the general advice (其他). */
export const adviceFor = (problemType: string): readonly Advice[] => ADVICE_LIBRARY[isProblemType(problemType) ? problemType : '其他']
