import { z } from 'zod'

// 不予受理 with grounds (docs/domain.md "Not accepted: the grounds"). The station picks one of the
// grounds the training material lists and may add its own words; the complainant reads the ground in
// plain Chinese and where to take the matter instead, so a refusal is never a dead end.
export const NOT_ACCEPTED_REASONS = [
  'civil_dispute', // 纯民事纠纷，无违法行为
  'in_proceedings', // 已在诉讼、仲裁或行政复议中
  'time_limit', // 超过投诉时限
  'not_consumer', // 不属于消费者权益争议
  'labour', // 劳动争议
  'intellectual_property', // 知识产权纠纷
] as const
export type NotAcceptedReason = (typeof NOT_ACCEPTED_REASONS)[number]

export interface NotAcceptedGround {
  /** the station's choice, as the list at the desk names it */
  label: string
  /** what the complainant reads: why, in plain words */
  plain: string
  /** where to go instead; '' when there is nowhere else to send them */
  whereInstead: string
}

export const NOT_ACCEPTED_GROUNDS: Record<NotAcceptedReason, NotAcceptedGround> = {
  civil_dispute: {
    label: '纯民事纠纷，无违法行为',
    plain: '这是双方之间的民事纠纷，经营者没有违反市场监管法律法规的行为，市场监管部门无法受理。',
    whereInstead: '可以与对方协商，或向人民调解委员会申请调解，也可以向人民法院起诉。',
  },
  in_proceedings: {
    label: '已在诉讼、仲裁或行政复议中',
    plain: '这件事已经由法院、仲裁机构或行政复议机关处理，依法不再重复受理。',
    whereInstead: '请继续在受理您案件的人民法院、仲裁机构或复议机关跟进处理。',
  },
  time_limit: {
    label: '超过投诉时限',
    plain: '投诉超过了法定的受理时限（一般为知道或应当知道权益受损之日起三年），依法不予受理。',
    whereInstead: '如仍有争议，可以咨询律师或向人民法院起诉。',
  },
  not_consumer: {
    label: '不属于消费者权益争议',
    plain: '这件事不是为生活消费购买商品或接受服务产生的争议，不在消费者投诉受理范围内。',
    whereInstead: '可以拨打12345政务服务便民热线，咨询应当找哪个部门。',
  },
  labour: {
    label: '劳动争议（属其他部门管辖）',
    plain: '这是劳动关系方面的争议（如工资、劳动合同、社会保险），由人力资源和社会保障部门处理。',
    whereInstead: '请向当地劳动保障监察机构投诉，或向劳动人事争议仲裁委员会申请劳动仲裁。',
  },
  intellectual_property: {
    label: '知识产权纠纷（属其他部门管辖）',
    plain: '这是专利、商标、著作权等知识产权方面的纠纷，由知识产权管理部门处理。',
    whereInstead: '请向当地知识产权局投诉或申请调解，也可以向人民法院起诉。',
  },
}

/** The station's choice of ground, with its own words (required: the specifics of this case). */
export const NotAcceptedDetailsSchema = z.object({
  kind: z.literal('not_accepted'),
  reason: z.enum(NOT_ACCEPTED_REASONS, { error: '请选择不予受理的理由' }),
})
export type NotAcceptedDetails = z.infer<typeof NotAcceptedDetailsSchema>

/** One line for the timeline, as the complainant reads it: the ground, then where to go. */
export function describeNotAccepted(d: NotAcceptedDetails): string {
  const g = NOT_ACCEPTED_GROUNDS[d.reason]
  return `不予受理的理由：${g.plain}${g.whereInstead ? `建议：${g.whereInstead}` : ''}`
}
