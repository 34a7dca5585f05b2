// Urgency rules that generalise (issue 20, urgency to 90 %): the signals fire on what happened to the consumer now,
// not on a word that also names a trip that is over, a row over weeks, a broken hose or a harm only supposed.
// Each case restates the shape of a train-split or new-train-item disagreement, not its text; each failed on the
// rules before this change.
import { assessUrgency } from '../../src/domain/extract/urgency'

describe('urgency signals that generalise', () => {
  it.each([
    ['前几天到连云港连岛旅游,吃了一份天价炒面', 'visitor'],
    ['从山东来哈尔滨的孙先生到发廊理发', 'visitor'],
    ['他准备坐当晚的1472次列车回山东', 'visitor'],
    ['一口咬下去,牙咯吱一声就掉了一块', 'injury'],
    ['做完离子烫后开始大把脱发', 'injury'],
    ['她又找了另外几户居民,情况都差不多', 'group'],
    ['后来孩子进了ICU,医生下了病危通知', 'injury'],
    ['买回来第二天就拉稀,店里卖的是星期狗', 'injury'],
    ['吃了几个月,病情不但没有起色,耳朵里还多了流水声', 'injury'],
  ] as const)('when the text says %j, then the %s signal is on', (text, signal) => {
    expect(assessUrgency(text).signals[signal]).toBe(true)
  })

  it.each([
    // the trip is over: whoever complains is no longer a visitor on site
    '张女士跟团去泰国旅游,导游带她去珠宝店买了戒指,回到西安后送检却出不了证书',
    '返程以后,马先生认为导游擅自安排了购物',
    '在三亚旅游时买了一条珍珠项链,回家后拿去鉴定才知道是假的',
    // habitual or incidental travel, walking by a shop
    '后来她事情多、常出差,卡里还剩185元',
    '东西不贵,自己又忙着出差,就没再去找店铺',
    '他偶然路过一家商贸公司,买了8瓶红酒',
    // a row told without a place is a dispute over weeks, not one going on on the spot
    '双方在退款上各说各理,争执不下,矛盾越闹越大',
    // a scene dated to a past year is not going on now
    '那是2019年9月的一天晚上,店员仍围着她不让走',
    // 现场 names a place, not a time
    '他只能把车停在路边,等维修人员赶到现场把车拖走',
    // no count and no one affected
    '店里亮闪闪的珠宝让大家都想买',
    '此后他每天都接到十几个推销电话',
    '这家店的流水上百万元,老板却说没钱退',
    '她向3·15消费者维权站反映电动车掉电快',
    // a clause ends at ：too (CLAUSE_END), so 一批 and 消费者 are not one phrase here
    '店里新到一批货:消费者可凭券购买',
    // staff are not consumers affected
    '3名私教轮番劝她再买36节课',
    // a vague discomfort whose cause the sentence names is judged by that cause
    '上了半年课后觉得身体不舒服,去医院检查发现自己怀孕了',
    // a hospital stay whose cause is told is judged by that cause
    '她因为咳嗽了1个多月不见好,到县医院住院,取钱时才发现卡里的钱没了',
    // goods break, not skin
    '检查后说防冻液水管破了,要换水管',
    // surface words said of goods, or a figure of speech, not of a body
    '沙发扶手用了半年就开始脱皮',
    '提车时发现左后车门有一处凹陷',
    '这辆车以前被水泡过,发动机也换过',
    '维修拖了三个月,这事真让人头痛',
    // the condition the goods are for is no harm they did
    '说是能根治湿疹的药膏,用了两个月没效果,想退钱',
    // harm supposed, not suffered
    '要是吃坏了肚子,谁负责?',
  ])('when the text says %j, then the case is not urgent', (text) => {
    expect(assessUrgency(text).level).toBe('一般')
  })
})
