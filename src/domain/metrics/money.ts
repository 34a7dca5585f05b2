import type { CaseFacts } from './case-facts'

// 挽回经济损失 (moneyRecoveredFen), in fen so sums stay exact: the amount of every offer the shopper
// accepted (the shop's latest `answered` offer before `offer_accepted`, OfferDetails.amountFen) plus the
// amount of every mediation agreement (`mediated`, AgreementDetails.amountFen). An offer with no money
// (exchange, repair, an explanation) adds 0. A reopened case that is settled twice adds both: each was
// a separate promise to the shopper. What is counted is what was agreed, not a record of payment (the
// product does not record payment). Counted on the case's received day, like everything else.
// Seeds: 8,010,369 yuan in the city's half year.
export interface MoneyCounters {
  moneyFen: number
  /** cases with any money recovered */
  moneyCases: number
}

export interface MoneyMetrics {
  moneyRecoveredFen: number
  casesWithMoney: number
}

export const countMoney = (f: CaseFacts): MoneyCounters => ({ moneyFen: f.moneyFen, moneyCases: f.moneyFen > 0 ? 1 : 0 })

export const readMoney = (c: MoneyCounters): MoneyMetrics => ({ moneyRecoveredFen: c.moneyFen, casesWithMoney: c.moneyCases })
