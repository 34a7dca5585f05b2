import { ACTION_LABELS, doneTextOf } from '../../src/components/case-actions'
import { CASE_ACTIONS } from '../../src/domain/workflow/transitions'

// After a step, the panel says what was done (issue 16: "已商家答复", "已已到场"). Every step, the ones
// added later included: the words never say 已 twice, and never begin with 已 glued to a label that
// already says it.
describe('what the panel says after a step', () => {
  it.each(CASE_ACTIONS.map((a) => [a]))('when %s is done, then its words never say 已 twice over', (action) => {
    const text = doneTextOf(action)
    const label = ACTION_LABELS[action]
    expect(text.trim().length).toBeGreaterThan(1)
    expect(text).not.toContain('已已')
    if (label.includes('已')) expect(text).not.toBe(`已${label}`) // 已快反队员已到场
    expect(text).not.toBe('已商家答复')
  })
})
