import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { Client } from 'pg'
import { browserLike } from '../support/http-client'

// What the fault suites share: a database of their own on the throwaway cluster, the cluster script
// (run asynchronously, so the host in this process keeps answering while PostgreSQL goes away), and
// a submit over real HTTP that records what the client was told.

const run = promisify(execFile)
const SCRIPT = join(__dirname, '../../.ci/pg-cluster.sh')

export function clusterFromEnv() {
  const adminUrl = process.env.TEST_DATABASE_URL
  const dir = process.env.TEST_PG_DIR
  if (!adminUrl || !dir) throw new Error('TEST_DATABASE_URL and TEST_PG_DIR are not set: eval "$(bash .ci/pg-cluster.sh start DIR)"')
  return {
    adminUrl,
    /** pg_ctl stop -m fast: every backend is told 57P01, new connections are refused */
    stop: () => run('bash', [SCRIPT, 'stop', dir]),
    /** start again on the same port and data */
    resume: () => run('bash', [SCRIPT, 'resume', dir]),
    restart: () => run('bash', [SCRIPT, 'restart', dir]),
  }
}

/** A fresh database on the cluster; returns its URL and a function that drops it. */
export async function createDatabase(adminUrl: string, prefix: string) {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`
  await withClient(adminUrl, (c) => c.query(`create database ${name}`))
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return {
    name,
    url: url.toString(),
    drop: () => withClient(adminUrl, (c) => c.query(`drop database if exists ${name} with (force)`)),
  }
}

export async function withClient<T>(url: string, use: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: url })
  c.on('error', () => {}) // this client may itself be terminated by a fault
  await c.connect()
  try {
    return await use(c)
  } finally {
    await c.end().catch(() => {})
  }
}

export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

export interface Outcome {
  status: number
  code: string | null
  retryAfter: string | null
  caseNo: string | null
}

/** One complaint over HTTP as a browser files it; never throws for an HTTP answer. */
export async function submitOnce(browser: ReturnType<typeof browserLike>, body: unknown): Promise<Outcome> {
  const res = await browser.request('/api/consumer', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  const json = (await res.json()) as { ok: boolean; data?: { caseNo: string }; error?: { code: string } }
  return {
    status: res.status,
    code: json.ok ? null : (json.error?.code ?? null),
    retryAfter: res.headers.get('retry-after'),
    caseNo: json.ok ? (json.data?.caseNo ?? null) : null,
  }
}
