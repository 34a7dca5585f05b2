// Waiting for the app under test in event-loop turns, never in milliseconds. Each turn yields one
// macrotask, so promise chains, Taro's batched setData and the fakes' answers (scheduled with
// setTimeout 0, like WeChat's callbacks) all get to run; between turns `done()` is checked. A slow
// machine only takes longer, and a condition never reached fails with what it was waiting for.
//
// This file is the one place under tests/ allowed a promise around setTimeout (see
// tests/code-health/no-sleeps.test.ts): a bounded wait on a real condition, not a sleep.

const MAX_TURNS = 200

const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

/** Resolves as soon as `done()` holds; throws after MAX_TURNS turns, saying what never happened. */
export async function untilTrue(what: string, done: () => boolean, shows: () => string = () => ''): Promise<void> {
  for (let turn = 0; turn < MAX_TURNS && !done(); turn++) await nextTurn()
  if (!done()) {
    const seen = shows()
    throw new Error(`never reached "${what}" (${MAX_TURNS} event-loop turns)${seen ? `; it shows: ${seen}` : ''}`)
  }
}
