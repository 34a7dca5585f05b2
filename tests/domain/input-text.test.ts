import fc from 'fast-check'
import { checkInputText, isReadableText, UNREADABLE_TEXT_MESSAGE, unreadableTextPath, withoutUnreadable } from '../../src/domain/input-text'

// The one boundary check for text (issue 12): what is refused, what is not, and where it is reported.
describe('input text at the boundary', () => {
  it.each([
    ['NUL', 'a\u0000b'],
    ['a bell', '\u0007'],
    ['an escape', 'x\u001b[31m'],
    ['a vertical tab', '\u000b'],
    ['a lone high surrogate', 'a\ud800'],
    ['a lone low surrogate', '\udc00b'],
    ['surrogates in the wrong order', '\udc00\ud800'],
    ['U+FFFE', '\ufffe'],
    ['U+FFFF', '\uffff'],
  ])('when text holds %s, then it is refused', (_label, text) => {
    expect(isReadableText(text)).toBe(false)
  })

  it.each([
    ['tab, line feed, carriage return', '第一行\r\n\t第二行'],
    ['an emoji (a surrogate pair)', '好评😀'],
    ['DEL and C1 controls', '\u007f\u0085'],
    ['zero-width and bidi characters', '\u200b\u202e'],
    ['the empty string', ''],
  ])('when text holds %s, then it is let through', (_label, text) => {
    expect(isReadableText(text)).toBe(true)
  })

  it('when any well-formed text without C0 controls is checked, then it passes; with one refused unit inserted anywhere, it does not', () => {
    const readable = fc.string({ unit: 'grapheme' }).map((s) => Array.from(s).filter(isReadableText).join(''))
    fc.assert(
      fc.property(readable, fc.nat(), fc.constantFrom('\u0000', '\u001f', '\ud800', '\udfff', '\uffff'), (text, at, bad) => {
        expect(isReadableText(text)).toBe(true)
        const cut = Array.from(text)
        const i = at % (cut.length + 1) // between characters, never inside a pair
        const spoiled = [...cut.slice(0, i), bad, ...cut.slice(i)].join('')
        expect(isReadableText(spoiled)).toBe(false)
        expect(withoutUnreadable(spoiled)).toBe(text)
      }),
    )
  })

  it('when a nested value holds refused text, then the path of its field is named, in a key too', () => {
    expect(unreadableTextPath({ rows: [{ name: 'ok' }, { name: 'a\u0000' }] })).toBe('rows.1.name')
    expect(unreadableTextPath({ details: { ['k\u0001ey']: 1 } })).toBe('details.key')
    expect(unreadableTextPath('\u0000')).toBe('_')
    expect(unreadableTextPath({ a: 1, b: [true, null, '好'] })).toBeNull()
    expect(checkInputText({ description: 'x\ud800' })).toEqual({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: expect.any(String), fields: { description: UNREADABLE_TEXT_MESSAGE } },
    })
  })

  it('when a value is nested 100 000 deep, then it is walked without overflowing the stack', () => {
    let deep: unknown = 'x\u0000'
    for (let i = 0; i < 100_000; i++) deep = [deep]
    expect(unreadableTextPath(deep)).toMatch(/^(0\.){99999}0$/)
  })
})
