import type { Deps } from '../services/context'
import { anchorChainHeads } from '../services/chain-anchor'
import { repeatWithBackoff, type JobFailure, type JobName } from './clock-scheduler'

/** The append-only file in the data directory the local host anchors the chain heads to. */
export const CHAIN_HEADS_FILE = 'chain-heads.log'

const DAY_MS = 24 * 60 * 60 * 1000
const MAX_BACKOFF_MS = 60 * 60 * 1000 // while the database is away, try again within the hour

/**
 * Once at start and then once a day: the head (last seq, hash, signature) of every case that moved
 * since the previous anchoring goes to the log and to <dataDir>/chain-heads.log (docs/chain-integrity.md).
 * The first run after a start anchors every case. On demand: `npm run verify:chain -- --anchor`.
 */
export function startChainAnchoring(
  deps: Deps,
  log: (line: string) => void,
  onError: (err: unknown, failure: JobFailure) => void,
  options: { everyMs?: number; onRun?: (job: JobName, report: unknown) => void } = {},
) {
  let since: string | null = null
  return repeatWithBackoff(
    'anchor',
    options.everyMs ?? DAY_MS,
    MAX_BACKOFF_MS,
    async () => {
      const started = deps.clock.now().toISOString()
      const anchor = await anchorChainHeads(deps, since)
      since = started // cases changed while this run read are after `started`: the next run takes them
      if (anchor) log(`chain heads anchored (${anchor.heads.length} cases) to ${deps.chainAnchors.where}: ${JSON.stringify(anchor)}`)
      return { heads: anchor?.heads.length ?? 0 }
    },
    onError,
    options.onRun,
  )
}
