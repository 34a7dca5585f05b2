import fc from 'fast-check'
import {
  checkWechatField,
  fieldTypeOf,
  fitCharacterString,
  fitThing,
  validateSubscribeData,
  WECHAT_FIELD_LIMITS,
  type WechatFieldType,
} from '../../../src/domain/notify/wechat-fields'

const codePoints = (s: string) => [...s].length

// strings people type, and strings that break naive length counting: emoji, flags, CJK, controls
const awkwardText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.array(fc.constantFrom('😀', '👨‍👩‍👧', '🇨🇳', '手', '机', 'A', ' ', '\n', '\t', '…', '{', '}'), { maxLength: 60 }).map((a) => a.join('')),
)

describe('WeChat subscribe field limits', () => {
  it('when the limits are read, then they are the documented ones', () => {
    const max = Object.fromEntries(Object.entries(WECHAT_FIELD_LIMITS).map(([type, rule]) => [type, rule.maxChars]))
    expect(max).toMatchObject({ thing: 20, character_string: 32, phrase: 5, number: 32, name: 10, phone_number: 17 })
  })

  it.each<[WechatFieldType, string, boolean]>([
    ['thing', '老王记手机维修', true],
    ['thing', '一二三四五六七八九十一二三四五六七八九十', true],
    ['thing', '一二三四五六七八九十一二三四五六七八九十一', false],
    ['thing', '😀'.repeat(20), true],
    ['thing', '第一行\n第二行', false],
    ['thing', '', false],
    ['character_string', 'KS-20261122-0007', true],
    ['character_string', 'KS 2026', false],
    ['character_string', 'a'.repeat(33), false],
    ['time', '2026年11月22日 14:05', true],
    ['time', '14:05', true],
    ['time', '2026-11-22 14:05:09', true],
    ['time', '下午两点', false],
    ['phrase', '已受理', true],
    ['phrase', '已经受理完成', false],
    ['phrase', '已受理!', false],
    ['number', '339208499', true],
    ['number', '12.50', true],
    ['number', '1'.repeat(33), false],
    ['name', '王小明', true],
    ['name', '欧阳一二三四五六七八九', false],
    ['name', 'Alexandra Montgomery', true],
    ['phone_number', '+86-0766-66888866', true],
    ['phone_number', '+86-0766-668888661', false],
  ])('when a %s value is %j, then WeChat would accept it: %s', (type, value, accepted) => {
    expect(checkWechatField(type, value) === null).toBe(accepted)
  })

  it('when keys are named thing1 / character_string2 / time3, then their keyword type is read from the name', () => {
    expect(['thing1', 'character_string12', 'time3', 'phrase4', 'amount5'].map(fieldTypeOf)).toEqual([
      'thing',
      'character_string',
      'time',
      'phrase',
      null,
    ])
  })

  it('when data holds a bad value and an unsupported keyword, then both are reported by key', () => {
    const violations = validateSubscribeData({ thing1: { value: 'x'.repeat(21) }, amount2: { value: '¥1' }, phrase3: { value: '已受理' } })
    expect(violations.map((v) => v.key)).toEqual(['thing1', 'amount2'])
  })

  it('when any text is fitted into a thing, then it is accepted, at most 20 code points, and cut with "…" only when too long', () => {
    fc.assert(
      fc.property(awkwardText, (text) => {
        const fitted = fitThing(text, '商家')
        expect(checkWechatField('thing', fitted)).toBeNull()
        expect(codePoints(fitted)).toBeLessThanOrEqual(20)
        if (fitted.endsWith('…') && !text.includes('…')) expect(codePoints(fitted)).toBe(20)
      }),
    )
  })

  it('when a 30-character shop name is fitted, then 19 characters and "…" remain', () => {
    const name = '星河广场二楼东侧老王记手机维修与配件销售中心旗舰店分店一号'
    expect(fitThing(name, '商家')).toBe(`${[...name].slice(0, 19).join('')}…`)
  })

  it('when a case number holds other characters, then only [A-Za-z0-9_-] are kept, at most 32', () => {
    fc.assert(
      fc.property(awkwardText, (text) => {
        expect(checkWechatField('character_string', fitCharacterString(text, 'KS'))).toBeNull()
      }),
    )
  })
})
