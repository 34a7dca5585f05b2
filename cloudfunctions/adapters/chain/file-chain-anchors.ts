import { appendFile, readFile } from 'node:fs/promises'
import { HeadAnchorSchema, type HeadAnchor } from '../../../src/domain/workflow/chain-signature'
import type { ChainAnchors } from '../../ports/chain'

/**
 * The local host's anchors: one JSON line per anchoring in <dataDir>/chain-heads.log, opened for
 * appending only (flag 'a', mode 0600), beside the database rather than in it — whoever edits the
 * database does not thereby edit this file. Copy it off the machine with the backups for more.
 * The anchoring job also logs each entry, so a second copy lives wherever the log goes.
 */
export function fileChainAnchors(path: string): ChainAnchors {
  return {
    where: path,
    async append(anchor) {
      const line = JSON.stringify(anchor)
      await appendFile(path, line + '\n', { flag: 'a', mode: 0o600 })
    },
    async latestWith(caseId) {
      let text: string
      try {
        text = await readFile(path, 'utf8')
      } catch (err) {
        if (typeof err === 'object' && err !== null && 'code' in err && err.code === 'ENOENT') return null // nothing anchored yet
        throw err
      }
      let latest: HeadAnchor | null = null
      for (const line of text.split('\n')) {
        if (!line.includes(caseId)) continue // cheap filter before parsing
        const parsed = HeadAnchorSchema.safeParse(safeJson(line))
        // an unreadable line is skipped here; the entry it replaced (if any) is still compared
        if (parsed.success && parsed.data.heads.some((h) => h.caseId === caseId)) latest = parsed.data
      }
      return latest
    },
  }
}

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line)
  } catch {
    return null
  }
}

/**
 * CloudBase has no local disk that outlives a container: there the heads go to the function's log
 * only (kept by CloudBase's log service), and a verification cannot read them back — it says so.
 */
export function logChainAnchors(log: (line: string) => void): ChainAnchors {
  return {
    where: '云函数日志',
    async append(anchor) {
      log(`chain heads anchored: ${JSON.stringify(anchor)}`)
    },
    latestWith: async () => null,
  }
}
