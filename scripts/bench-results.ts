// Where npm run bench writes its figures: bench/results.json, one section per bench script, so that
// each script (submit, tick, the board's) replaces its own figures and keeps the others'.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { Client } from 'pg'
import type { SqlTarget } from '../cloudfunctions/adapters/sql/connect'

export const RESULTS_FILE = resolve(__dirname, '..', 'bench', 'results.json')

export function saveBenchSection(section: string, figures: unknown): void {
  mkdirSync(join(RESULTS_FILE, '..'), { recursive: true })
  let all: Record<string, unknown> = {}
  if (existsSync(RESULTS_FILE)) {
    try {
      all = JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as Record<string, unknown>
    } catch {
      all = {} // a half-written file from an interrupted run
    }
  }
  all[section] = { at: new Date().toISOString(), node: process.version, ...(figures as object) }
  writeFileSync(RESULTS_FILE, `${JSON.stringify(all, null, 2)}\n`)
}

/** Figures of one timed run: requests per second and latency percentiles in ms. */
export interface LoadFigures {
  perSecond: number
  p50: number
  p99: number
  max: number
  count: number
  failures: number
}

/** `concurrency` workers calling `op` back to back for `seconds`; a rejected or false op is a failure. */
export async function load(concurrency: number, seconds: number, op: (worker: number) => Promise<boolean>): Promise<LoadFigures> {
  const latencies: number[] = []
  let failures = 0
  const t0 = performance.now()
  const end = t0 + seconds * 1000
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (performance.now() < end) {
        const t = performance.now()
        const ok = await op(worker).catch(() => false)
        latencies.push(performance.now() - t)
        if (!ok) failures++
      }
    }),
  )
  const elapsed = performance.now() - t0
  latencies.sort((a, b) => a - b)
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.max(0, Math.ceil((p / 100) * latencies.length) - 1))] ?? 0
  const round = (v: number) => Math.round(v * 10) / 10
  return {
    perSecond: round((latencies.length / elapsed) * 1000),
    p50: round(pct(50)),
    p99: round(pct(99)),
    max: round(latencies.at(-1) ?? 0),
    count: latencies.length,
    failures,
  }
}

export const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b)
  return s.length === 0 ? 0 : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

/** A database of its own on the server at TEST_DATABASE_URL (null when unset), and how to drop it. */
export async function throwawayPostgres(prefix: string, poolMax = 10): Promise<{ target: SqlTarget; drop: () => Promise<void> } | null> {
  const adminUrl = process.env.TEST_DATABASE_URL
  if (!adminUrl) return null
  const name = `${prefix}_${process.pid}`
  const admin = async (q: string) => {
    const c = new Client({ connectionString: adminUrl })
    await c.connect()
    await c.query(q)
    await c.end()
  }
  await admin(`create database ${name}`)
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return { target: { kind: 'postgres', url: url.toString(), poolMax }, drop: () => admin(`drop database if exists ${name} with (force)`) }
}
