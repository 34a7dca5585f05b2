import { cloudbaseExportBin } from '../adapters/cloudbase/cloudbase-export-bin'
import tcb from '@cloudbase/node-sdk'
import { randomBytes } from 'node:crypto'
import { chineseDaysTable } from '../adapters/calendar/chinese-days-table'
import { z } from 'zod'
import { cloudbaseFiles } from '../adapters/cloudbase/cloudbase-files'
import { aesVault } from '../adapters/system/aes-vault'
import { hmacLinkSigner } from '../adapters/system/hmac-link-signer'
import { hmacChainSigner } from '../adapters/system/hmac-chain-signer'
import { logChainAnchors } from '../adapters/chain/file-chain-anchors'
import { nodeSecrets } from '../adapters/system/node-secrets'
import { randomIds } from '../adapters/system/random-ids'
import { systemClock } from '../adapters/system/system-clock'
import { Base64KeySchema } from '../adapters/system/base64-key'
import { speechFromConfig } from '../adapters/speech/speech-from-config'
import { tencentConfigFrom } from '../adapters/tencent/tencent-config'
import { noImages, type Images } from '../ports/media'
import type { ExportOutlet } from '../ports/export-outlet'
import type { CloudbaseStorageApi } from '../adapters/cloudbase/cloudbase-storage'
import type { Deps } from '../services/context'
import { openCloudStore } from './cloud-store'

// The data lives in the environment's own document database, or at DATABASE_URL when a deployer
// chose PostgreSQL (cloud-store.ts); without either the function refuses to start, in Chinese.
// Evidence files live in the CloudBase storage of the function's own environment.
const CloudEnvSchema = z.object({
  // '' (a variable left empty in the console) means "not set", like absent
  DATABASE_URL: z
    .union([z.literal(''), z.url({ protocol: /^postgres(ql)?$/, error: 'DATABASE_URL 必须是 postgres:// 连接串' })])
    .optional(),
  TCB_ENV: z.string().optional(),
  SCF_NAMESPACE: z.string().optional(),
  DATA_KEY: Base64KeySchema,
  // Only the local host serves /files/<token> links; in the cloud viewers get storage temp URLs, so
  // the signer is never used to make a link anyone opens and needs no key that outlives a container.
  LINK_KEY: Base64KeySchema.optional(),
  // signs every case event (HMAC): required, since a key made up per container could never verify
  CHAIN_KEY: Base64KeySchema,
})

let deps: Promise<Deps> | undefined

/** What only some functions' entries pass in (each bundle then carries only its own libraries). */
export interface CloudParts {
  images?: Images
  /** the station's exports: written in memory, kept in this environment's storage (exceljs, pdfkit) */
  exportOutlet?: (app: CloudbaseStorageApi) => ExportOutlet
}

async function buildDeps(images: Images, parts: CloudParts = {}): Promise<Deps> {
  const env = CloudEnvSchema.parse(process.env)
  const tencent = tencentConfigFrom(process.env)
  if (!tencent.ok) throw new Error(`腾讯云配置有误：${tencent.problems.join('；')}`)
  // SYMBOL_CURRENT_ENV: the environment this function runs in (CloudBase sets TCB_ENV), which is the
  // one the mini-program's Taro.cloud.init points at — so uploads/ and evidence/ are in one bucket.
  // No keys: inside CloudBase the SDK signs with the function's own temporary credentials.
  const app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV })
  const store = await openCloudStore(env, app, aesVault(env.DATA_KEY))
  return {
    store,
    clock: systemClock,
    ids: randomIds,
    secrets: nodeSecrets,
    ...cloudbaseFiles(app),
    links: hmacLinkSigner(env.LINK_KEY ?? randomBytes(32)),
    calendar: chineseDaysTable(),
    speech: speechFromConfig(tencent.config, systemClock),
    images,
    chainSigner: hmacChainSigner(env.CHAIN_KEY),
    // no local disk in CloudBase: the daily heads go to the function's log only (CloudBase keeps it)
    chainAnchors: logChainAnchors((line) => console.log(line)),
    exportOutlet: parts.exportOutlet?.(app),
    // every function may delete made exports: the clock's sweep does (services/exports/export-sweep.ts)
    exportBin: cloudbaseExportBin(app),
  }
}

/**
 * The deps of this container's one function, built on its first call. Only `consumer` takes files
 * in, so only its entry passes `images` (sharp): the other bundles never reference sharp, and their
 * package.json does not make CloudBase install it.
 */
export function cloudDeps(parts: CloudParts = {}): Promise<Deps> {
  const pending = (deps ??= buildDeps(parts.images ?? noImages, parts))
  pending.catch(() => {
    deps = undefined // let the next invocation try again after a cold-start failure
  })
  return pending
}
