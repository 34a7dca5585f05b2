// What cloud-provision.ts and cloud-deploy.ts share: their command line, the deployer's API keys, and
// the @cloudbase/manager-node client. manager-node signs each call (TC3-HMAC-SHA256) with these keys
// and sends it to tcb.tencentcloudapi.com or scf.tencentcloudapi.com; behind a proxy it honours
// `http_proxy`. Nothing here runs inside a cloud function.
import CloudBase from '@cloudbase/manager-node'
import { parseArgs } from 'node:util'

export interface CloudArgs {
  envId: string | null
  dryRun: boolean
  region: string | undefined
  /** cloud-deploy.ts: deploy the bundles already built in this folder (skips the build) */
  dist: string | undefined
  /** cloud-deploy.ts: only these functions */
  only: string[]
}

export function parseCloudArgs(argv: string[]): CloudArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      env: { type: 'string', short: 'e' },
      'dry-run': { type: 'boolean', default: false },
      region: { type: 'string' },
      dist: { type: 'string' },
      only: { type: 'string', multiple: true, default: [] },
    },
    strict: true,
  })
  return {
    envId: values.env ?? process.env.TENCENTCLOUD_TCB_ENVID ?? null,
    dryRun: values['dry-run'] ?? false,
    region: values.region,
    dist: values.dist,
    only: (values.only ?? []).flatMap((v) => v.split(',')).filter(Boolean),
  }
}

export interface ApiKeys {
  secretId: string
  secretKey: string
  /** temporary keys (STS) come with a token */
  token: string | undefined
}

/** The keys manager-node would read itself (TENCENTCLOUD_SECRETID / SECRETKEY / SESSIONTOKEN), or null. */
export function keysFromEnv(env: NodeJS.ProcessEnv): ApiKeys | null {
  const secretId = env.TENCENTCLOUD_SECRETID?.trim()
  const secretKey = env.TENCENTCLOUD_SECRETKEY?.trim()
  if (!secretId || !secretKey) return null
  return { secretId, secretKey, token: env.TENCENTCLOUD_SESSIONTOKEN?.trim() || undefined }
}

export const MISSING_ENV_MESSAGE = [
  '缺少云开发环境 ID。',
  '用法：npm run <命令> -- --env <环境 ID>（环境 ID 见云开发控制台「环境总览」，形如 kuaisu-1a2b3c）',
  '也可设置环境变量 TENCENTCLOUD_TCB_ENVID。',
].join('\n')

export function missingKeysMessage(envId: string, what: string): string {
  return [
    `缺少腾讯云 API 密钥，无法${what}（环境 ${envId}）。`,
    '请先在终端设置环境变量：',
    '  TENCENTCLOUD_SECRETID    API 密钥的 SecretId',
    '  TENCENTCLOUD_SECRETKEY   API 密钥的 SecretKey',
    '  TENCENTCLOUD_SESSIONTOKEN（仅临时密钥需要）',
    '（变量名没有下划线分隔；云函数里短信和语音识别用的 TENCENTCLOUD_SECRET_ID / TENCENTCLOUD_SECRET_KEY 是另一组，部署不读它们。）',
    '密钥在腾讯云控制台「访问管理 › API 密钥管理」创建；建议使用只授权云开发（TCB）和云函数（SCF）的子账号。',
    '密钥只从环境变量读取，不要写进任何文件。',
    '只想查看将要做什么：加 --dry-run，不需要密钥。',
  ].join('\n')
}

export function openManager(envId: string, keys: ApiKeys, region: string | undefined): CloudBase {
  return new CloudBase({ envId, secretId: keys.secretId, secretKey: keys.secretKey, token: keys.token, region })
}

/** The API's error code and message (CloudBaseError carries both), for one line of output. */
export function describeError(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error)
  const e = error as { code?: unknown; message?: unknown; requestId?: unknown }
  const code = typeof e.code === 'string' && e.code ? `[${e.code}] ` : ''
  const request = typeof e.requestId === 'string' && e.requestId ? `（RequestId ${e.requestId}）` : ''
  return `${code}${typeof e.message === 'string' ? e.message : String(error)}${request}`
}

/** Run a script's main and turn its outcome into the exit code; errors are printed, not thrown. */
export function runMain(main: () => Promise<number>): void {
  main().then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(`失败：${describeError(error)}`)
      process.exitCode = 1
    },
  )
}
