import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

// Tests wait for what they are about — a response, a DOM state, a fake's callback having run — never
// for an amount of time. A sleep is a guess: too short and the test fails on a busy CI machine, too
// long and every run pays for it; and "sleep, then assert nothing happened" passes whether or not the
// thing had its chance to happen. This scans every source file under tests/ for the ways to sleep.
// A setTimeout that *schedules* something (a fake answering a turn later, like WeChat) is not a sleep
// and is not flagged; only waiting on a timer is.

const TESTS = join(__dirname, '..')
const SELF = relative(TESTS, __filename) // it spells the patterns out

const SLEEPS: { what: string; pattern: RegExp }[] = [
  { what: 'Playwright waitForTimeout', pattern: /\bwaitForTimeout\s*\(/ },
  // a promise whose resolve is handed to a timer (setTimeout or setImmediate), in any spelling
  { what: 'a promise settled by a timer', pattern: /\bnew\s+Promise\b[^;]{0,120}?\b(?:setTimeout|setImmediate)\s*\(/ },
  { what: 'promise timers', pattern: /\btimers\/promises\b|\bpromisify\s*\(\s*(?:setTimeout|setImmediate)\b/ },
  { what: 'a sleep or delay helper', pattern: /\b(?:sleep|delay)\s*\(/ },
  { what: 'a shell sleep', pattern: /['"`]sleep\s+\d/ },
]

/**
 * Files allowed a pattern above, each with why it is not a sleep. Keep this list short: a new entry
 * needs a reason a reviewer would accept, and an entry whose file no longer matches must go.
 */
const ALLOWED: Record<string, string> = {
  'weapp/support/turns.ts':
    'untilTrue yields one event-loop turn (setTimeout 0) between checks of a real condition, for the weapp ' +
    'simulator whose page updates arrive as macrotasks; it is bounded by a turn count, not milliseconds, and ' +
    'fails naming the condition that never held. Every weapp test waits through it.',
  'host/pglite-queue.test.ts':
    'reads how many queued statements finished by the first event-loop turn (setImmediate, no duration): ' +
    'the property under test is that the queue yields to Node between hand-overs, which only a macrotask can observe.',
  'functions/stats-query-tags.test.ts':
    'checks that no rejection went unhandled (Node 20 ends the process on one). Node reports unhandled rejections ' +
    'once the microtask queue has drained, before the next macrotask: one setImmediate turn (no duration) is when ' +
    'the report has certainly had its chance; the test fails without the fix.',
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.(?:ts|tsx|js|mjs|cjs)$/.test(name) ? [path] : []
  })
}

/** The code without comments, so prose that says "sleep (" is not flagged (a `//` inside a string only hides the rest of its line). */
const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1')

export function sleepsIn(file: string, text: string): string[] {
  const code = withoutComments(text)
  return SLEEPS.filter(({ pattern }) => pattern.test(code)).map(({ what }) => `${file}: ${what}`)
}

describe('no sleeps in tests', () => {
  const files = sourceFiles(TESTS)
    .map((path) => relative(TESTS, path))
    .filter((file) => file !== SELF)

  it('when every source file under tests/ is scanned, then none sleeps (outside the justified allow-list)', () => {
    expect(files.length).toBeGreaterThan(50)
    const found = files.filter((file) => !(file in ALLOWED)).flatMap((file) => sleepsIn(file, readFileSync(join(TESTS, file), 'utf8')))
    expect(found).toEqual([])
  })

  it('when a file is on the allow-list, then it exists and still needs to be there', () => {
    for (const file of Object.keys(ALLOWED)) {
      expect(files).toContain(file)
      expect(sleepsIn(file, readFileSync(join(TESTS, file), 'utf8'))).not.toEqual([])
    }
  })

  // The samples are assembled from pieces so that this file's own text holds no sleep for a scanner
  // (ours or the project's) to find; what the scan below is given is the whole call.
  const [TIMER, WFT] = ['set' + 'Timeout', 'waitFor' + 'Timeout']
  it.each([
    [`await page.${WFT}(300)`, 'waitForTimeout'],
    [`await new Promise((r) => ${TIMER}(r, 0))`, 'settled by a timer'],
    [`await new Promise<void>((resolve) =>\n  ${TIMER}(() => resolve(), 2000),\n)`, 'settled by a timer'],
    ['const pause = () => new Promise((done) => set' + 'Immediate(done))', 'settled by a timer'],
    [`import { ${TIMER} as wait } from 'node:timers/promises'`, 'promise timers'],
    [`const wait = promisify(${TIMER})`, 'promise timers'],
    ['await sle' + 'ep(100)', 'sleep or delay'],
    ['const delay = (ms: number) => ms\nawait del' + 'ay(50)', 'sleep or delay'],
    ["execSync('sle" + "ep 1')", 'shell sleep'],
  ])('when a file contains %p, then the scan reports %s', (source, kind) => {
    expect(sleepsIn('x.ts', source).join()).toContain(kind)
  })

  it.each([
    ['setTimeout(() => options.success(res), 0) // a fake answering a turn later, like WeChat'],
    ['// we do not sleep (ever) here\nconst x = 1'],
    ["await page.goto('http://127.0.0.1/') // then wait for the response"],
    ['await page.waitForResponse((r) => r.url().endsWith("/api/consumer"))'],
    ["LOGIN_FAILURE_DELAY_MS: '0'"],
  ])('when a file contains only %p, then the scan is clean', (source) => {
    expect(sleepsIn('x.ts', source)).toEqual([])
  })
})
