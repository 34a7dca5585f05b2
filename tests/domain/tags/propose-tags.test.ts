import { defaultTags } from '../../../src/domain/tags/default-tags'
import { proposeTags } from '../../../src/domain/tags/propose-tags'
import type { Tag } from '../../../src/domain/tags/tag.schema'

// Tags proposed from the text (docs/tags.md): a tag whose phrase occurs is proposed; the phrases are
// the tag data's own, so an administrator's new tag and a disabled tag behave as the data says.
const TAGS = defaultTags('2026-12-01T00:00:00.000Z')
const names = (ids: string[]) => ids.map((id) => TAGS.find((t) => t.id === id)?.name ?? id)

describe('proposeTags', () => {
  it('when a shopper writes about a gym that vanished with their prepaid card, then 预付卡 is proposed', () => {
    expect(names(proposeTags('我在健身房办了一张会员卡，充值五千元，现在老板跑路了，门店关门', TAGS))).toEqual(['预付卡'])
  })

  it('when a text names expired milk and a refund, then 食品安全 and 退换货 are proposed, the one with more phrases first', () => {
    expect(names(proposeTags('买到的牛奶已经过期了，还有点变质，要求退款', TAGS))).toEqual(['食品安全', '退换货'])
  })

  it('when a live-stream sale to an elderly father was exaggerated, then 直播带货, 老年人 and 虚假宣传 are all proposed', () => {
    const proposed = names(proposeTags('我父亲在直播间听主播夸大宣传买了保健品', TAGS))
    expect(proposed).toEqual(expect.arrayContaining(['直播带货', '老年人', '虚假宣传']))
  })

  it('when the text uses full-width letters and spaces (４Ｓ 店), then it still matches the phrase 4s店', () => {
    expect(names(proposeTags('在４Ｓ 店做的保养', TAGS))).toEqual(['汽车'])
  })

  it('when nothing in the text matches, or the text is blank, then nothing is proposed', () => {
    expect(proposeTags('今天天气很好', TAGS)).toEqual([])
    expect(proposeTags('   ', TAGS)).toEqual([])
  })

  it('when an administrator adds a tag with its phrases, then it is proposed; when a tag is disabled, then it is not', () => {
    const bikes: Tag = {
      id: 't-bike',
      name: '共享单车',
      phrases: ['单车押金'],
      active: true,
      position: 210,
      updatedAt: '',
      updatedBy: 'adm',
    }
    const withBikes = [...TAGS, bikes]
    expect(proposeTags('单车押金一直不退', withBikes)).toContain('t-bike')
    const disabled = withBikes.map((t) => (t.id === 't-bike' ? { ...t, active: false } : t))
    expect(proposeTags('单车押金一直不退', disabled)).not.toContain('t-bike')
  })

  it('when a text touches many tags, then at most eight are proposed', () => {
    const everything = TAGS.map((t) => t.phrases[0]).join('，')
    expect(proposeTags(everything, TAGS)).toHaveLength(8)
  })
})
