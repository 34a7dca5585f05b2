// npm run bench: prints the figures the project tracks; asserts nothing (a benchmark is not a test).
//   1. `npm start` → ready (GET /healthz answers 200), on a cold (fresh) and a warm data directory, twice
//   2. API throughput: sequential POST /api/consumer on the warm server, one device cookie
//   3. weapp main-package size (scripts/report-weapp-size.ts on dist/weapp)
//   4. H5 entry JS: the <script src> files of dist/h5/index.html, raw and gzip
// Loopback only. Every server it starts and every temp dir it makes is removed, also on failure or Ctrl-C.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { gzipSync } from 'node:zlib'

const ROOT = resolve(__dirname, '..')
const H5_DIR = join(ROOT, 'dist', 'h5')
const WEAPP_DIR = join(ROOT, 'dist', 'weapp')
const READY_TIMEOUT_MS = 180_000 // a cold PGlite initdb is 5–8 s; leave room for a slow machine
const STOP_TIMEOUT_MS = 15_000
const API_REQUESTS = 500
const API_WARMUP = 20

const servers = new Set<ChildProcess>()
const tempDirs = new Set<string>()
const rows: [string, string][] = []
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer().once('error', rej)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number }
      srv.close(() => res(port))
    })
  })
}

/** Spawn the host the way `npm start` runs it and return once /healthz answers 200, with the ms it took. */
async function startServer(dataDir: string): Promise<{ child: ChildProcess; base: string; readyMs: number }> {
  const port = await freePort()
  const t0 = performance.now()
  // detached: the server gets its own process group, so a failure path can kill npx, tsx and node together.
  // Always the embedded store (a DATABASE_URL in the caller's shell would bypass the data dir) and the
  // demo seed (the API figure calls the demo shop WDXG26).
  const { DATABASE_URL: _notHere, ...env } = process.env
  const child = spawn('npx', ['tsx', 'scripts/start.ts'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', H5_DIR, SEED_DEMO: 'true' },
  })
  servers.add(child)
  let log = ''
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()))
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()))
  const base = `http://127.0.0.1:${port}`
  while (performance.now() - t0 < READY_TIMEOUT_MS) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited before ready:\n${log}`)
    try {
      const res = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(1000) })
      await res.arrayBuffer()
      if (res.status === 200) return { child, base, readyMs: performance.now() - t0 }
    } catch {
      // not listening yet
    }
    await sleep(50)
  }
  throw new Error(`server not ready after ${READY_TIMEOUT_MS} ms:\n${log}`)
}

const groupAlive = (pid: number) => {
  try {
    process.kill(-pid, 0)
    return true
  } catch {
    return false
  }
}

/** The last process down the chain npx → sh → tsx → node: the server itself. */
function innermost(pid: number): number {
  const ps = spawnSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8' }).stdout ?? ''
  const pairs = ps
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/).map(Number))
  for (let depth = 0; depth < 10; depth++) {
    const child = pairs.find(([, ppid]) => ppid === pid)
    if (!child) break
    pid = child[0]
  }
  return pid
}

/**
 * Stop a server as an operator should: SIGTERM to the server process, which closes PGlite cleanly
 * and exits; tsx, sh and npx then exit with it. Not to npx: npm exec passes SIGTERM to its `sh -c`
 * only, and tsx and the server would run on, orphaned. Not to the whole group either: tsx relays a
 * signal the server did not acknowledge within 30 ms, and a second SIGTERM kills it mid-close. The
 * group is SIGKILLed only if it has not stopped in time. Returns the ms from SIGTERM to npx's exit.
 */
async function stopServer(child: ChildProcess): Promise<number> {
  const pid = child.pid
  const t0 = performance.now()
  if (pid !== undefined && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((r) => child.once('exit', r))
    try {
      process.kill(innermost(pid), 'SIGTERM')
    } catch {
      // it has just exited by itself
    }
    await Promise.race([exited, sleep(STOP_TIMEOUT_MS)])
  }
  const stopMs = performance.now() - t0
  for (let i = 0; pid !== undefined && i < 40 && groupAlive(pid); i++) await sleep(50)
  if (pid !== undefined && groupAlive(pid)) {
    console.error(`server group ${pid} did not stop within ${STOP_TIMEOUT_MS} ms: killing it`)
    process.kill(-pid, 'SIGKILL')
  }
  servers.delete(child)
  return stopMs
}

/** Sequential requests with one device cookie (the first response issues it), like one phone. */
async function apiThroughput(base: string): Promise<[string, string][]> {
  const call = async (cookie?: string) => {
    const res = await fetch(`${base}/api/consumer`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ action: 'getMerchantEntry', code: 'WDXG26' }),
    })
    const body = (await res.json()) as { ok: boolean }
    return { res, ok: res.status === 200 && body.ok }
  }
  const first = await call()
  const device = first.res.headers.getSetCookie().find((c) => c.startsWith('ks_device='))
  if (!first.ok || !device) throw new Error(`getMerchantEntry WDXG26 failed or issued no ks_device cookie (${first.res.status})`)
  const cookie = device.split(';')[0]
  for (let i = 0; i < API_WARMUP; i++) await call(cookie)
  const latencies: number[] = []
  let failures = 0
  const t0 = performance.now()
  for (let i = 0; i < API_REQUESTS; i++) {
    const t = performance.now()
    if (!(await call(cookie)).ok) failures++
    latencies.push(performance.now() - t)
  }
  const total = performance.now() - t0
  latencies.sort((a, b) => a - b)
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)]
  return [
    [`API getMerchantEntry ×${API_REQUESTS} (sequential)`, `${((API_REQUESTS / total) * 1000).toFixed(0)} req/s`],
    ['  latency p50 / p99 / max', `${pct(50).toFixed(2)} / ${pct(99).toFixed(2)} / ${(latencies.at(-1) ?? 0).toFixed(2)} ms`],
    ['  failed responses', String(failures)],
  ]
}

async function startToReady(): Promise<void> {
  for (let run = 1; run <= 2; run++) {
    const dataDir = mkdtempSync(join(tmpdir(), 'kuaisu-bench-'))
    tempDirs.add(dataDir)
    const cold = await startServer(dataDir)
    const coldStop = await stopServer(cold.child)
    rows.push([`start → ready, cold data dir (run ${run})`, `${cold.readyMs.toFixed(0)} ms  (stop ${coldStop.toFixed(0)} ms)`])
    const warm = await startServer(dataDir)
    const api = run === 2 ? await apiThroughput(warm.base) : []
    const warmStop = await stopServer(warm.child)
    rows.push([`start → ready, warm data dir (run ${run})`, `${warm.readyMs.toFixed(0)} ms  (stop ${warmStop.toFixed(0)} ms)`], ...api)
  }
}

function weappSize(): void {
  if (!existsSync(join(WEAPP_DIR, 'app.json'))) {
    rows.push(['weapp main package', 'no dist/weapp (run npm run build:weapp)'])
    return
  }
  const report = spawnSync('npx', ['tsx', 'scripts/report-weapp-size.ts'], { cwd: ROOT, encoding: 'utf8' })
  console.log((report.stdout + report.stderr).trimEnd())
  const main = /main package\s+([\d.]+ KB)/.exec(report.stdout)
  rows.push(['weapp main package (limit 2048 KB)', main ? main[1] : 'see report above'])
}

function h5EntrySize(): void {
  const html = readFileSync(join(H5_DIR, 'index.html'), 'utf8')
  const srcs = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1])
  let raw = 0
  let gz = 0
  for (const src of srcs) {
    // Built with publicPath '/': /js/app.x.js is dist/h5/js/app.x.js.
    const buf = readFileSync(join(H5_DIR, src.replace(/^(\.?\/)+/, '').split(/[?#]/)[0]))
    const zipped = gzipSync(buf).length
    raw += buf.length
    gz += zipped
    rows.push([`H5 entry ${src}`, `${kb(buf.length)} raw, ${kb(zipped)} gzip`])
  }
  rows.push([`H5 entry JS total (${srcs.length} files)`, `${kb(raw)} raw, ${kb(gz)} gzip`])
}

async function cleanup(): Promise<void> {
  await Promise.all([...servers].map(stopServer))
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true })
  tempDirs.clear()
}

async function main(): Promise<void> {
  if (!existsSync(join(H5_DIR, 'index.html'))) {
    // start.ts would build it itself, inside the timed start; build it first so only the start is timed.
    console.log('dist/h5/index.html is missing: building H5 first (npx taro build --type h5, ~40 s)…')
    const build = spawnSync('npx', ['taro', 'build', '--type', 'h5'], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    })
    if (build.status !== 0) throw new Error('H5 build failed')
  }
  await startToReady()
  weappSize()
  h5EntrySize()
  const width = Math.max(...rows.map(([k]) => k.length)) + 2
  console.log(`\n快诉 bench — Node ${process.version}, ${new Date().toISOString()}`)
  console.log('-'.repeat(width + 34))
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}${v}`)
  console.log('-'.repeat(width + 34))
}

// `on`, not `once`: under npm run, Ctrl-C reaches this process twice (from the terminal, and relayed by
// tsx when we do not acknowledge it within 30 ms); with no listener left the second one would exit at
// once and leave the servers and temp dirs behind.
let interrupted = false
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    if (interrupted) return
    interrupted = true
    void cleanup().finally(() => process.exit(130))
  })
}
main()
  .catch((err: unknown) => {
    console.error('bench failed:', err instanceof Error ? err.message : err)
    process.exitCode = 1
  })
  .finally(() => cleanup())
