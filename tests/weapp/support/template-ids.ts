import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SUBSCRIBE_SLOTS, type SubscribeSlot } from '../../../src/domain/notify/subscribe-messages'
import { DIST } from './mini-program'

// The weapp compiles its subscribe-message template ids in: src/api/subscribe.weapp.ts reads
// process.env.TARO_APP_WECHAT_TMPL_*, and `taro build` replaces that text with the .env values. So
// whether a built page asks WeChat at all is decided when it is built, and `npm test` builds once,
// as production does (empty ids in .env / .env.production). Test ids must never get into that build:
// a dist/weapp made with them could be uploaded by mistake.
//
// Why a copy of the build with the ids rewritten, and not a second `taro build`: the build holds the
// six ids as one object literal of strings, `{consumer_accepted:"…",…,merchant_clock_warning:"…"}`,
// and nothing else reads them — so setting those six strings gives the same bytes `taro build` would
// emit with those values in .env, without a second 25-second build and whatever the local .env says.
// If the build stops holding exactly one such literal, this throws instead of quietly testing nothing.

export type TemplateIds = Record<SubscribeSlot, string>

/** Every slot with a fixed, obviously-not-WeChat id: the path where the deployment configured them. */
export const TEST_TEMPLATE_IDS: TemplateIds = Object.fromEntries(
  SUBSCRIBE_SLOTS.map((slot) => [slot, `TEST-TMPL-${slot.replace(/_/g, '-').toUpperCase()}`]),
) as TemplateIds

/** Every slot empty: a deployment that configured no template. */
export const NO_TEMPLATE_IDS: TemplateIds = Object.fromEntries(SUBSCRIBE_SLOTS.map((slot) => [slot, ''])) as TemplateIds

const STRING = '"(?:[^"\\\\]|\\\\.)*"'
const PAIR = `(?:${SUBSCRIBE_SLOTS.join('|')}):${STRING}`
/** the compiled TEMPLATE_IDS: an object of exactly the six slots, each a string */
const LITERAL = new RegExp(`\\{${PAIR}(?:,${PAIR}){${SUBSCRIBE_SLOTS.length - 1}}\\}`, 'g')

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'))
}

export interface WeappCopy {
  /** the copied build's root, for bootApp */
  dir: string
  dispose(): void
}

/** A throwaway copy of dist/weapp whose compiled template ids are `ids`. */
export function weappWithTemplateIds(ids: TemplateIds): WeappCopy {
  const found = jsFiles(DIST).flatMap((file) => {
    const text = readFileSync(join(DIST, file), 'utf8')
    return [...text.matchAll(LITERAL)].map((m) => ({ file, text, literal: m[0] }))
  })
  const keys = (literal: string) => [...literal.matchAll(new RegExp(`(\\w+):${STRING}`, 'g'))].map((m) => m[1]).sort()
  if (found.length !== 1 || keys(found[0].literal).join() !== [...SUBSCRIBE_SLOTS].sort().join()) {
    throw new Error(
      `dist/weapp should hold the template ids as exactly one literal {consumer_accepted:"…",…} (src/api/subscribe.weapp.ts); ` +
        `found ${found.length}. Has the build or that file changed? Update tests/weapp/support/template-ids.ts with it.`,
    )
  }
  const [{ file, text, literal }] = found
  const replacement = `{${SUBSCRIBE_SLOTS.map((slot) => `${slot}:${JSON.stringify(ids[slot])}`).join(',')}}`

  const dir = mkdtempSync(join(tmpdir(), 'kuaisu-weapp-ids-'))
  cpSync(DIST, dir, { recursive: true })
  writeFileSync(
    join(dir, file),
    text.replace(literal, () => replacement),
  )
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) }
}
