// The ten industry lines 12315 routes by (十大投诉举报行业), in the order the national material lists them.
export const INDUSTRY_LINES = [
  '食品',
  '药品',
  '医疗器械',
  '商超',
  '职业索赔',
  '一般消费纠纷',
  '汽车',
  '房地产',
  '价格',
  '产品质量',
] as const

export type IndustryLine = (typeof INDUSTRY_LINES)[number]
