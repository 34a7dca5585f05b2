// Repeats (重复投诉). Both are counts of distinct keys, which do not add up across days the way rates
// do: a shop with one case on Monday and one on Tuesday repeats in the week, on neither day. So they
// are computed from per-key tallies over the whole group:
// - 重复被投诉商户 (repeatMerchants): shops with 2 or more cases in the group, and those cases. The
//   merchant is a rollup dimension, so the daily rows carry the tally already.
// - 重复投诉人 (repeatComplainants): filers with 2 or more cases in the group, and those cases. The filer
//   is never a dimension and never leaves the server: the tally is kept by a salted hash of the
//   subject (CaseFacts.filerKey) in its own rows (FilerRow in rollup.ts), and the figure is only ever
//   a count. Filings by a proxy desk or typed by staff have no filer key: the desk's subject is not
//   the person's, and counting it would make every desk a repeat complainant.
export interface RepeatCount {
  /** distinct merchants (or filers) with 2 or more cases in the group */
  keys: number
  /** the cases they account for */
  cases: number
}

export function repeatsOf(tally: ReadonlyMap<string, number>): RepeatCount {
  let keys = 0
  let cases = 0
  for (const n of tally.values()) {
    if (n < 2) continue
    keys += 1
    cases += n
  }
  return { keys, cases }
}

export function addTo(tally: Map<string, number>, key: string, n: number): void {
  if (n > 0) tally.set(key, (tally.get(key) ?? 0) + n)
}
