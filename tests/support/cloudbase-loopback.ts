import { createHmac, randomBytes } from 'node:crypto'
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import { asyncHandler } from './async-handler'
import { createLoopbackDb, type LoopbackDb } from './cloudbase-db/loopback-db'

// A stand-in for CloudBase storage on 127.0.0.1, speaking what @cloudbase/node-sdk 3.18 sends when
// initialised with `serviceUrl: <base>/admin` (src/storage/index.ts + src/utils/tcbapirequester.ts):
//   POST /admin?env=…&seqId=…  JSON { action, envName, …params }, signed (Authorization header)
//     storage.getUploadMetadata  { path, method: 'put' } → { data: { url, token, authorization, fileId, cosFileId } }
//     storage.batchGetDownloadUrl { file_list: [{ fileid, max_age }] } → { data: { download_list: [{ fileID, tempFileURL, code }] } }
//     storage.batchDeleteFile    { fileid_list } → { data: { delete_list: [{ fileID, code }] } }
//     anything wrong → { code, message } (the SDK turns a top-level code into a thrown TcbError)
//   PUT  <url from metadata>   the bytes, with Signature/authorization, x-cos-security-token,
//                              x-cos-meta-fileid and key headers → 200 with an EMPTY body, or COS's XML <Error>
//   GET  <tempFileURL>         the bytes while the signed URL lasts; 404/403 with COS's XML <Error>
// Objects live in `objects` (path → bytes) so tests can look inside the bucket.
// Every `database.*` action goes to an in-memory document database, `db` (tests/support/cloudbase-db/).

export interface AdminCall {
  action: string
  body: Record<string, unknown>
  headers: IncomingHttpHeaders
}

export interface CloudbaseLoopback {
  serviceUrl: string
  env: string
  /** `cloud://<env>.<bucket>/` — what every fileID of this bucket starts with */
  prefix: string
  objects: Map<string, Buffer>
  adminCalls: AdminCall[]
  /** action → the { code, message } its next call answers instead (once), e.g. a failing delete */
  faults: Map<string, { code: string; message: string }>
  /** the document database behind `database.*` actions: collections, call counts, its own faults */
  db: LoopbackDb
  /** what the mini-program's Taro.cloud.uploadFile does: signed metadata, then a PUT of the bytes */
  uploadAsApp(cloudPath: string, bytes: Uint8Array): Promise<string>
  close(): Promise<void>
}

const NONEXIST = 'STORAGE_FILE_NONEXIST'
const cosError = (code: string, message: string) =>
  `<?xml version='1.0' encoding='utf-8' ?>\n<Error>\n<Code>${code}</Code>\n<Message>${message}</Message>\n<Resource>/</Resource>\n<RequestId>cos-req</RequestId>\n<TraceId>cos-trace</TraceId>\n</Error>`

export async function startCloudbaseLoopback(env = 'kuaisu-test-1a2b'): Promise<CloudbaseLoopback> {
  const bucket = `6b75-${env}-1300000000`
  const prefix = `cloud://${env}.${bucket}/`
  const secret = randomBytes(16)
  const objects = new Map<string, Buffer>()
  const adminCalls: AdminCall[] = []
  const faults = new Map<string, { code: string; message: string }>()
  const db = createLoopbackDb(env)
  const pendingPuts = new Map<string, { authorization: string; token: string; cosFileId: string }>()
  let base = ''
  let requestNo = 0

  const sign = (path: string, expires: number) => createHmac('sha256', secret).update(`${path}|${expires}`).digest('hex')
  const pathOf = (fileId: unknown) => (typeof fileId === 'string' && fileId.startsWith(prefix) ? fileId.slice(prefix.length) : null)
  const cosUrl = (path: string) => `${base}/cos/${path}`

  function metadata(path: string) {
    const grant = {
      authorization: `q-sign-algorithm=sha1&q-signature=${randomBytes(8).toString('hex')}`,
      token: randomBytes(8).toString('hex'),
      cosFileId: `cos-${randomBytes(6).toString('hex')}`,
    }
    pendingPuts.set(path, grant)
    return {
      url: cosUrl(path),
      token: grant.token,
      authorization: grant.authorization,
      fileId: prefix + path,
      cosFileId: grant.cosFileId,
      download_url: cosUrl(path),
    }
  }

  function admin(body: Record<string, unknown>): unknown {
    if (body.envName !== env) return { code: 'INVALID_ENV', message: `env ${String(body.envName)} not found` }
    const action = body.action
    const fault = faults.get(String(action))
    if (fault) {
      faults.delete(String(action))
      return fault
    }
    if (action === 'storage.getUploadMetadata') {
      if (typeof body.path !== 'string' || !body.path || body.method !== 'put') return { code: 'INVALID_PARAM', message: 'path required' }
      return { data: metadata(body.path) }
    }
    if (action === 'storage.batchGetDownloadUrl') {
      const list = body.file_list as { fileid: string; max_age?: number }[]
      if (!Array.isArray(list) || list.length === 0 || list.length > 50) return { code: 'INVALID_PARAM', message: 'Invalid request param' }
      const download_list = list.map(({ fileid, max_age }) => {
        const path = pathOf(fileid)
        if (path === null || !objects.has(path)) return { fileID: fileid, tempFileURL: '', code: NONEXIST }
        const expires = Math.floor(Date.now() / 1000) + (max_age ?? 86400)
        return { fileID: fileid, tempFileURL: `${cosUrl(path)}?sign=${sign(path, expires)}&t=${expires}`, code: 'SUCCESS' }
      })
      return { data: { download_list } }
    }
    if (action === 'storage.batchDeleteFile') {
      const list = body.fileid_list as string[]
      if (!Array.isArray(list) || list.length === 0) return { code: 'INVALID_PARAM', message: 'Invalid request param' }
      const delete_list = list.map((fileID) => {
        const path = pathOf(fileID)
        return { fileID, code: path !== null && objects.delete(path) ? 'SUCCESS' : NONEXIST }
      })
      return { data: { delete_list } }
    }
    if (typeof action === 'string' && action.startsWith('database.')) return db.handle(action, body)
    return { code: 'INVALID_ACTION', message: `unknown action ${String(action)}` }
  }

  function cos(req: IncomingMessage, res: ServerResponse, url: URL, bytes: Buffer) {
    const path = url.pathname.slice('/cos/'.length).split('/').map(decodeURIComponent).join('/')
    if (req.method === 'PUT') {
      const grant = pendingPuts.get(path)
      const h = req.headers
      const signed =
        grant &&
        h.authorization === grant.authorization &&
        h.signature === grant.authorization &&
        h['x-cos-security-token'] === grant.token &&
        h['x-cos-meta-fileid'] === grant.cosFileId &&
        h.key === encodeURIComponent(path)
      if (!signed)
        return res
          .writeHead(403, { 'content-type': 'application/xml' })
          .end(cosError('SignatureDoesNotMatch', 'The Signature you specified is invalid'))
      pendingPuts.delete(path)
      objects.set(path, bytes)
      return res.writeHead(200).end() // COS answers a good PUT with an empty body
    }
    if (req.method === 'GET') {
      const expires = Number(url.searchParams.get('t'))
      if (url.searchParams.get('sign') !== sign(path, expires) || expires * 1000 < Date.now()) {
        return res.writeHead(403, { 'content-type': 'application/xml' }).end(cosError('AccessDenied', 'Request has expired'))
      }
      const stored = objects.get(path)
      if (!stored)
        return res.writeHead(404, { 'content-type': 'application/xml' }).end(cosError('NoSuchKey', 'The specified key does not exist.'))
      return res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': stored.length }).end(stored)
    }
    res.writeHead(405).end()
  }

  const sockets = new Set<Socket>()
  const server = createServer(
    asyncHandler(async (req, res) => {
      const chunks: Buffer[] = []
      for await (const chunk of req) chunks.push(Buffer.from(chunk))
      const bytes = Buffer.concat(chunks)
      const url = new URL(req.url ?? '/', 'http://loopback')
      if (url.pathname.startsWith('/cos/')) return cos(req, res, url, bytes)
      if (url.pathname !== '/admin' || req.method !== 'POST') return res.writeHead(404).end()
      let body: Record<string, unknown>
      try {
        body = JSON.parse(bytes.toString('utf8'))
      } catch {
        return res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ code: 'INVALID_PARAM', message: 'body is not JSON' }))
      }
      adminCalls.push({ action: String(body.action), body, headers: req.headers })
      const answer =
        req.headers.authorization && url.searchParams.get('env') === env
          ? admin(body)
          : { code: 'AUTH_FAILED', message: 'missing signature or env' }
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ ...(answer as object), requestId: `req-${++requestNo}` }))
    }),
  )
  server.on('connection', (s) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`

  return {
    serviceUrl: `${base}/admin`,
    env,
    prefix,
    objects,
    adminCalls,
    faults,
    db,
    async uploadAsApp(cloudPath, bytes) {
      const grant = metadata(cloudPath)
      const headers = {
        Signature: grant.authorization,
        authorization: grant.authorization,
        'x-cos-security-token': grant.token,
        'x-cos-meta-fileid': grant.cosFileId,
        key: encodeURIComponent(cloudPath),
      }
      const res = await fetch(grant.url, { method: 'PUT', headers, body: Buffer.from(bytes) })
      if (res.status !== 200) throw new Error(`upload as app: ${res.status} ${await res.text()}`)
      return grant.fileId
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      }),
  }
}
