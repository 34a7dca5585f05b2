import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { TLSSocket } from 'node:tls'
import { asyncHandler } from './async-handler'
import { cloudState, type CloudState } from './cloudbase-manager-loopback-state'
import { tc3Steps } from './tencent-loopback'

// Tencent's management API (tcb.tencentcloudapi.com, scf.tencentcloudapi.com) as @cloudbase/manager-node
// reaches it, on 127.0.0.1. manager-node has no endpoint setting for scf (only tcb has TCB_BASE_URL),
// but it sends every request through an HTTP proxy when given one (its `proxy` option, or the
// `http_proxy` variable): an HTTPS-proxy-agent CONNECT tunnel, then TLS to the real host name. So this
// is that proxy: it accepts CONNECT for the two API hosts only, ends the TLS itself with a certificate
// made for the test (the client trusts it through NODE_EXTRA_CA_CERTS, so the script under test runs
// in its own process), and answers as the API would, from a small model of one environment
// (cloudbase-manager-loopback-state.ts). Every request's TC3-HMAC-SHA256 signature is checked with the
// independent implementation in tencent-loopback.ts, against the real Host header.

export const API_HOSTS = ['tcb.tencentcloudapi.com', 'scf.tencentcloudapi.com'] as const

export interface ManagerCall {
  host: string
  /** the product, first label of the host: tcb, scf */
  service: string
  action: string
  version: string
  region: string
  params: Record<string, unknown>
  /** null when the signature checked out, else why not */
  signatureProblem: string | null
}

export interface ManagerLoopback {
  /** http://127.0.0.1:<port>, for http_proxy */
  proxyUrl: string
  /** the PEM file the client must trust (NODE_EXTRA_CA_CERTS) */
  caFile: string
  calls: ManagerCall[]
  state: CloudState
  /** the environment a child process needs: proxy, trust, and the test's API keys */
  childEnv(): Record<string, string>
  close(): Promise<void>
}

export const TEST_KEYS = { secretId: 'AKIDloopbacktestkey0000000000000000', secretKey: 'loopback-test-secret-key-0000000000' }

/** A self-signed certificate for the API hosts, made with the openssl command for this run only. */
function makeCertificate(dir: string): { key: string; cert: string; caFile: string } {
  const keyFile = join(dir, 'key.pem')
  const certFile = join(dir, 'cert.pem')
  const san = API_HOSTS.map((h) => `DNS:${h}`).join(',')
  const args = ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2']
  const subject = ['-subj', '/CN=kuaisu manager loopback', '-addext', `subjectAltName=${san}`]
  try {
    execFileSync('openssl', [...args, ...subject, '-keyout', keyFile, '-out', certFile], { stdio: ['ignore', 'ignore', 'pipe'] })
  } catch (error) {
    const missing = (error as { code?: unknown }).code === 'ENOENT'
    throw new Error(
      missing ? 'the management API loopback needs the openssl command (apt-get install openssl)' : `openssl failed: ${String(error)}`,
      { cause: error },
    )
  }
  return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8'), caFile: certFile }
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(Buffer.from(chunk))
  return Buffer.concat(chunks)
}

const AUTH =
  /^TC3-HMAC-SHA256 Credential=([^/\s]+)\/(\d{4}-\d{2}-\d{2})\/([a-z0-9]+)\/tc3_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/

async function checkSignature(req: IncomingMessage, body: Buffer, host: string): Promise<string | null> {
  const header = (name: string) => [req.headers[name]].flat()[0] ?? ''
  const m = AUTH.exec(header('authorization'))
  if (!m) return 'Authorization is not a TC3-HMAC-SHA256 credential'
  const [, secretId, date, service, signedHeaders, signature] = m
  if (secretId !== TEST_KEYS.secretId) return 'unknown SecretId'
  if (service !== host.split('.')[0]) return `scope names service ${service}, the host is ${host}`
  const timestamp = header('x-tc-timestamp')
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return 'signature expired'
  const names = signedHeaders.split(';')
  if (!names.includes('content-type') || !names.includes('host')) return 'content-type and host must be signed'
  const [path, query = ''] = (req.url ?? '/').split('?')
  const expected = await tc3Steps({
    method: req.method ?? '',
    path,
    query,
    signedHeaders: names.map((n) => [n, header(n)]),
    payload: body,
    timestamp,
    date,
    service,
    secretKey: TEST_KEYS.secretKey,
  })
  return expected.signature === signature ? null : 'signature mismatch'
}

export async function startManagerLoopback(envId: string, region = 'ap-shanghai'): Promise<ManagerLoopback> {
  const dir = mkdtempSync(join(tmpdir(), 'kuaisu-manager-loopback-'))
  const { key, cert, caFile } = makeCertificate(dir)
  const calls: ManagerCall[] = []
  const state = cloudState(envId, region)
  let seq = 0

  // The API itself: plain HTTP on sockets that the proxy has already wrapped in TLS.
  const api = createHttpServer(
    asyncHandler(async (req: IncomingMessage, res: ServerResponse) => {
      const body = await readBody(req)
      const host = String(req.headers.host ?? '')
      const one = (name: string) => String([req.headers[name]].flat()[0] ?? '')
      let params: Record<string, unknown> = {}
      try {
        params = JSON.parse(body.toString('utf8') || '{}') as Record<string, unknown>
      } catch {
        // a body that is not JSON is refused below like the real API would
      }
      const call: ManagerCall = {
        host,
        service: host.split('.')[0],
        action: one('x-tc-action'),
        version: one('x-tc-version'),
        region: one('x-tc-region'),
        params,
        signatureProblem: await checkSignature(req, body, host),
      }
      calls.push(call)
      const RequestId = `loopback-${++seq}`
      const answer = call.signatureProblem
        ? { Error: { Code: 'AuthFailure.SignatureFailure', Message: call.signatureProblem } }
        : state.answer(call.service, call.action, params, call.region)
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ Response: { ...answer, RequestId } }))
    }),
  )

  // The proxy: CONNECT to an API host is answered here, through TLS with the test certificate.
  const sockets = new Set<Socket>()
  const proxy = createHttpServer((_req, res) => {
    res.writeHead(405).end('only CONNECT') // the SDK never sends plain requests through the proxy for https URLs
  })
  proxy.on('connect', (req: IncomingMessage, socket: Socket) => {
    const [host, port] = String(req.url ?? '').split(':')
    if (!(API_HOSTS as readonly string[]).includes(host) || port !== '443') {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n') // nothing leaves this machine
      return
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n')
    const tls = new TLSSocket(socket, { isServer: true, key, cert })
    api.emit('connection', tls)
  })
  proxy.on('connection', (s: Socket) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
  const address = proxy.address()
  const port = typeof address === 'object' && address ? address.port : 0

  return {
    proxyUrl: `http://127.0.0.1:${port}`,
    caFile,
    calls,
    state,
    childEnv: () => ({
      http_proxy: `http://127.0.0.1:${port}`,
      NODE_EXTRA_CA_CERTS: caFile,
      TENCENTCLOUD_SECRETID: TEST_KEYS.secretId,
      TENCENTCLOUD_SECRETKEY: TEST_KEYS.secretKey,
    }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        proxy.close(() => {
          rmSync(dir, { recursive: true, force: true })
          resolve()
        })
      }),
  }
}
