import tcb from '@cloudbase/node-sdk'
import './cloud-context' // TENCENTCLOUD=true: no probe of Tencent's metadata host
import { startCloudbaseLoopback, type CloudbaseLoopback } from './cloudbase-loopback'

// A real @cloudbase/node-sdk app (dummy keys) pointed at a fresh loopback through its serviceUrl seam:
// `app.database()` and `app.uploadFile()` & co. both talk HTTP to the same 127.0.0.1 server.

export interface CloudbaseTestApp {
  loopback: CloudbaseLoopback
  app: ReturnType<typeof tcb.init>
  /** `app.database()` — the SDK's Db */
  db: ReturnType<ReturnType<typeof tcb.init>['database']>
  close(): Promise<void>
}

export async function startCloudbaseTestApp(env?: string): Promise<CloudbaseTestApp> {
  const loopback = await startCloudbaseLoopback(env)
  const app = tcb.init({ env: loopback.env, secretId: 'test-secret-id', secretKey: 'test-secret-key', serviceUrl: loopback.serviceUrl })
  return { loopback, app, db: app.database(), close: () => loopback.close() }
}
