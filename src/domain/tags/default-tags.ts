import type { Tag } from './tag.schema'

// The twenty defaults of issue 19 (and the seeds' list), each with the phrases that propose it.
// Seeded once (migration 0025, the CloudBase collection's first read); from then on the stored
// tags are the truth and an administrator edits them. Phrases are plain substrings, lower case.
type Seed = Pick<Tag, 'id' | 'name' | 'phrases'>

const SEEDS: readonly Seed[] = [
  {
    id: 'quality',
    name: '质量问题',
    phrases: ['质量', '坏了', '破损', '开裂', '故障', '不合格', '次品', '瑕疵', '掉色', '漏水', '用了几天'],
  },
  { id: 'false-ad', name: '虚假宣传', phrases: ['虚假宣传', '夸大', '宣传', '广告', '与描述不符', '货不对板', '承诺的效果', '实际没有'] },
  { id: 'service-attitude', name: '服务态度', phrases: ['态度', '辱骂', '骂人', '不理睬', '不耐烦', '爱答不理', '推诿'] },
  { id: 'prepaid-card', name: '预付卡', phrases: ['预付卡', '会员卡', '储值卡', '充值', '办卡', '余额', '次卡', '跑路', '关门'] },
  { id: 'live-stream', name: '直播带货', phrases: ['直播', '主播', '带货', '直播间'] },
  { id: 'price-fraud', name: '价格欺诈', phrases: ['价格', '标价', '多收', '乱收费', '加价', '价格欺诈', '原价', '结账时', '收费'] },
  {
    id: 'food-safety',
    name: '食品安全',
    phrases: ['食品', '过期', '变质', '异物', '发霉', '腹泻', '拉肚子', '食物中毒', '虫子', '保质期'],
  },
  { id: 'elderly', name: '老年人', phrases: ['老人', '老年', '父亲', '母亲', '爷爷', '奶奶', '保健品', '退休'] },
  { id: 'minor', name: '未成年人', phrases: ['未成年', '孩子', '儿子', '女儿', '小学', '初中', '学生', '游戏充值'] },
  { id: 'return-exchange', name: '退换货', phrases: ['退货', '换货', '退款', '不给退', '不退', '退换', '七天无理由'] },
  { id: 'repair', name: '售后维修', phrases: ['维修', '保修', '售后', '修理', '返修', '三包'] },
  { id: 'contract-terms', name: '合同条款', phrases: ['合同', '条款', '协议', '格式条款', '霸王条款', '违约金', '定金'] },
  { id: 'personal-info', name: '个人信息', phrases: ['个人信息', '隐私', '泄露', '骚扰电话', '身份证', '信息被'] },
  { id: 'online-shopping', name: '网络购物', phrases: ['网购', '网上', '网店', '淘宝', '京东', '拼多多', '快递', '电商', '下单'] },
  { id: 'takeaway', name: '外卖', phrases: ['外卖', '美团', '饿了么', '骑手', '配送'] },
  { id: 'travel', name: '旅游', phrases: ['旅游', '旅行社', '导游', '景区', '酒店', '门票', '购物点'] },
  { id: 'education', name: '教育培训', phrases: ['培训', '课程', '辅导', '补课', '学费', '机构', '网课'] },
  { id: 'medical-beauty', name: '医疗美容', phrases: ['医美', '美容', '整形', '玻尿酸', '美容院', '皮肤', '医疗美容'] },
  { id: 'car', name: '汽车', phrases: ['汽车', '4s店', '车辆', '新车', '二手车', '保养', '发动机'] },
  { id: 'renovation', name: '装修', phrases: ['装修', '装饰', '瓷砖', '橱柜', '施工', '地板', '漏水'] },
]

/** The defaults as stored rows, in the list's order (position 10, 20, …). */
export function defaultTags(at: string): Tag[] {
  return SEEDS.map((s, i) => ({ ...s, phrases: [...s.phrases], active: true, position: (i + 1) * 10, updatedAt: at, updatedBy: 'seed' }))
}

/** When the defaults count as written (the migration and the CloudBase seed use the same instant). */
export const TAGS_SEEDED_AT = '2026-12-01T00:00:00.000Z'
