// The span fields on the real-world TEST split, at the form's propose floor: the figures reached when the
// rules were last mended from the train split (docs/extract-spans.md "Second pass", "Third pass: merchant"
// and the other third pass). A change that makes a field worse, or that buys accuracy by proposing almost nothing,
// fails here. Amount reaches the 90 % and merchant its 80 %; the others hold the figure reached.
import { extractComplaint } from '../../src/domain/extract/extract-complaint'
import { DEFAULT_MIN_CONFIDENCE } from '../../src/domain/extract/merge-proposal'
import { readRealCorpus } from '../../scripts/extract-model/corpus'

const clean = (s: string) => s.replace(/[\s“”"‘’'「」《》()（）【】[\]·,，.。、]/g, '')
function sameMerchant(label: string, got: string): boolean {
  const [a, b] = [clean(label), clean(got)]
  const [short, long] = a.length <= b.length ? [a, b] : [b, a]
  return a === b || (short.length >= 2 && long.includes(short) && short.length * 2 >= long.length)
}
function sameDate(label: string, got: string): boolean {
  const parts = (d: string) => (d.startsWith('--') ? [null, ...d.slice(2).split('-')] : d.split('-'))
  const [[ly, lm, ld], [gy, gm, gd]] = [parts(label), parts(got)]
  if (ly && gy && ly !== gy) return false
  if (!(ly && gy) && !lm) return false
  return (!lm || lm === gm) && (!ld || ld === gd)
}

const runs = readRealCorpus('test').map((item) => ({
  item,
  x: extractComplaint(item.text, {
    now: new Date(`${item.date ?? '2024-01-01'}T12:00:00+08:00`),
    referenceDate: item.date ? new Date(`${item.date}T12:00:00+08:00`) : null,
  }),
}))

function score(
  label: (i: (typeof runs)[number]['item']) => string | number | null,
  got: (x: (typeof runs)[number]['x']) => { value: string; confidence: number } | null,
  right: (l: string, g: string) => boolean,
) {
  let [labelled, proposed, right_] = [0, 0, 0]
  for (const { item, x } of runs) {
    const l = label(item)
    const g = got(x)
    if (l !== null) labelled++
    if (!g || g.confidence < DEFAULT_MIN_CONFIDENCE) continue
    proposed++
    if (l !== null && right(String(l), g.value)) right_++
  }
  return { accuracy: right_ / proposed, coverage: proposed / labelled }
}

describe('span fields on the real-world test split', () => {
  it('when the amount is proposed at the floor, then it is right at least 90 % of the time, on half the items', () => {
    const s = score(
      (i) => i.labels.amountYuan,
      (x) => x.amountYuan,
      (l, g) => Number(l) === Number(g),
    )
    expect(s.accuracy).toBeGreaterThanOrEqual(0.9)
    expect(s.coverage).toBeGreaterThanOrEqual(0.5)
  })

  it('when the purchase date is proposed at the floor, then it holds the figure reached', () => {
    const s = score(
      (i) => i.labels.purchaseDate,
      (x) => x.purchaseDate,
      sameDate,
    )
    expect(s.accuracy).toBeGreaterThanOrEqual(0.87)
    expect(s.coverage).toBeGreaterThanOrEqual(0.74)
  })

  it('when the merchant is proposed at the floor, then it holds the figure reached', () => {
    const s = score(
      (i) => i.labels.merchant,
      (x) => x.merchant,
      sameMerchant,
    )
    expect(s.accuracy).toBeGreaterThanOrEqual(0.81)
    expect(s.coverage).toBeGreaterThanOrEqual(0.84)
  })

  it('when urgency is read, then it agrees with the label at least as often as it did', () => {
    const agree = runs.filter(({ item, x }) => (x.urgency.level !== '一般') === item.labels.urgent).length
    // 162/185 after the third session's urgency rules (docs/extract-model.md "Urgency rules that generalise")
    expect(agree / runs.length).toBeGreaterThanOrEqual(0.87)
  })
})
