// Urgency as docs/extract-labelling.md "Urgency" clarifies it (date/urgency pass): harm from the goods or
// service (a pet's too), three or more consumers affected — not commenters, helpers or past events.
// Each case restates the shape of a train-split disagreement, not its text.
import { assessUrgency } from '../../src/domain/extract/urgency'

describe('urgency by the clarified convention', () => {
  it.each([
    ['朋友吃了一段时间,却有了恶心、厌食之类的反应', 'injury'],
    ['A把猫带走了,一小时后猫死了', 'injury'],
    ['拍了肺片才发现狗得了“白肺”', 'injury'],
    ['修复结束后,两侧眼睑退缩变形', 'injury'],
    ['几年下来人却瘦了10斤,血压、血糖都高了', 'injury'],
    ['种的6颗牙,才用了3个月左右就断了4颗', 'injury'],
    ['跟她一样遭遇的人,光他们小区就有20多个', 'group'],
    ['区商务局近日接连收到消费者投诉:门店全都关了', 'group'],
    ['一个多小时后,小明在海盗船项目里被船身撞伤', 'injury'],
    ['张先生和家人一起来青岛旅游,出发前订了酒店', 'visitor'],
    ['一家人正在店里和老板理论', 'happeningNow'],
  ] as const)('when the text says %j, then the %s signal is on', (text, signal) => {
    expect(assessUrgency(text).signals[signal]).toBe(true)
  })

  it.each([
    '他买的电动车骑了不到一年就出毛病了',
    '她起诉到法院,要求退还在店里花的全部37000元',
    '打假人员对现场还没开封的30瓶酒做了检测',
    '销售人员用免费送旅游、送食用油等手段引诱老人又买了90多瓶',
    '两人和旅行社签了合同,由旅行社出具《旅游行程单》',
    '买完回去,身边好多人都说,你这根本不是土拨鼠',
    '很多老人都碰到过这样的事:先被哄着去听讲座',
    '之后我又请了好几位油漆师傅帮忙看',
    '他所买房子的隔壁2006年曾发生过一起煤气爆炸事故,造成一人重伤死亡、多人受伤',
    '她领着孩子去世贸展览馆看车展',
    '检修人员马上拆掉发动机护板,打开一看',
    '小明跟着父母去A旅游公司经营的游乐场玩',
    // 正在 and 旅游 alone: on the train split 正在 is in 0 urgent texts of 3, 旅游 in 5 of 10
    '工商部门正在调查此事',
    '她在网上买了一本旅游攻略',
  ])('when the text says %j, then the case is not urgent', (text) => {
    expect(assessUrgency(text).level).toBe('一般')
  })
})
