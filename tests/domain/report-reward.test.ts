import { ApplyRewardInputSchema, reporterRewardView, rewardOpen } from '../../src/domain/report-reward/report-reward-reporter'
import { DecideRewardInputSchema } from '../../src/domain/report-reward/report-reward-station'
import { decide, initialWorkflowState } from '../../src/domain/workflow/state-machine'

// 举报奖励 (issue 17.9, docs/domain.md "Report rewards").
const report = { ...initialWorkflowState(), kind: 'report' as const, status: 'accepted' as const }
const finding = (violationFound: boolean) => ({ details: { kind: 'report_finding' as const, violationFound, note: '' } })

describe('a report closes with its finding', () => {
  it('when the station closes a report with a violation found, then the outcome says so; without one it says that', () => {
    expect(decide(report, 'concludeReport', 'station', finding(true))).toMatchObject({
      ok: true,
      data: { next: { status: 'closed', outcome: 'violation_found' } },
    })
    expect(decide(report, 'concludeReport', 'station', finding(false))).toMatchObject({
      ok: true,
      data: { next: { outcome: 'no_violation' } },
    })
  })

  it('when someone tries it on a complaint, without a finding, or as a shop, then it is refused', () => {
    expect(decide({ ...report, kind: 'complaint' }, 'concludeReport', 'station', finding(true))).toMatchObject({
      ok: false,
      error: { code: 'ILLEGAL_TRANSITION' },
    })
    expect(decide(report, 'concludeReport', 'station', {})).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
    expect(decide(report, 'concludeReport', 'merchant', finding(true))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})

describe('the reward', () => {
  const closed = { caseNo: 'KS-1', kind: 'report' as const, status: 'closed' as const }
  it('when a report closed with a violation found, then, and only then, a reward may be applied for', () => {
    expect(rewardOpen({ ...closed, outcome: 'violation_found' })).toBe(true)
    expect(rewardOpen({ ...closed, outcome: 'no_violation' })).toBe(false)
    expect(rewardOpen({ ...closed, kind: 'complaint', outcome: 'violation_found' })).toBe(false)
    expect(rewardOpen({ ...closed, status: 'accepted', outcome: null })).toBe(false)
    expect(reporterRewardView({ ...closed, outcome: 'violation_found' }, null)).toMatchObject({ canApply: true, status: null })
  })

  it('when the station decides, then a grant needs an amount and a refusal has none, and both need a reason', () => {
    const base = { caseId: 'c1', reason: '举报属实，依规奖励' }
    expect(DecideRewardInputSchema.safeParse({ ...base, decision: 'granted', amountFen: 50000 }).success).toBe(true)
    expect(DecideRewardInputSchema.safeParse({ ...base, decision: 'granted' }).success).toBe(false)
    expect(DecideRewardInputSchema.safeParse({ ...base, decision: 'refused', amountFen: 100 }).success).toBe(false)
    expect(DecideRewardInputSchema.safeParse({ ...base, decision: 'refused', reason: '' }).success).toBe(false)
  })

  it('when a reporter applies, then the phone is checked and normalised', () => {
    const lookup = { caseNo: 'ks-1', queryCode: 'abcd-2345' }
    const parsed = ApplyRewardInputSchema.safeParse({ lookup, contact: { name: '匿名举报人', phone: '+86 138 0013 8000' } })
    expect(parsed.success && parsed.data.contact.phone).toBe('13800138000')
    expect(ApplyRewardInputSchema.safeParse({ lookup, contact: { name: '匿名举报人', phone: '12345' } }).success).toBe(false)
  })
})
