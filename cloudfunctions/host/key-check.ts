import { createHmac, timingSafeEqual } from 'node:crypto'
import { resolve } from 'node:path'
import type { Store } from '../ports/store'

// A host started with another data key than the one the rows were sealed under used to come up
// fine and answer 500 on every old case (a fresh data directory against an existing PostgreSQL
// makes a new keys.json), or die on a raw crypto stack trace. Now the database keeps a check value
// of the key, HMAC(key, 'kuaisu-key-check'), and the host refuses to start with a sentence that
// names where its key came from. Rows from before the check are probed too: one case and one shop
// are opened with the key before the check value is trusted.

const LABEL = 'kuaisu-key-check'

/** A refusal to start, for the operator: printed as it is, without a stack trace. */
export class BootRefusal extends Error {
  override name = 'BootRefusal'
}

export type KeySource = { env: 'DATA_KEY' } | { file: string }

export function dataKeySource(config: { dataDir: string; dataKey?: Uint8Array }): KeySource {
  return config.dataKey ? { env: 'DATA_KEY' } : { file: resolve(config.dataDir, 'keys.json') }
}

export const keyCheckValue = (key: Uint8Array) => createHmac('sha256', Buffer.from(key)).update(LABEL).digest('base64url')

export function wrongKeySentence(source: KeySource): string {
  const where = 'env' in source ? `环境变量 ${source.env}` : `密钥文件 ${source.file} 中的 dataKey`
  const fix =
    'env' in source ? `请把 ${source.env} 设为当初加密这些数据的那把密钥` : `请放回当初的 keys.json（或用环境变量 DATA_KEY 给出当初的密钥）`
  return `快诉未启动：数据库里的资料是用另一把数据密钥加密的，与${where}不符。${fix}后再启动。不要删除数据库，换了密钥的数据无法读出。`
}

// by message, not instanceof: an error from node:crypto may belong to another realm (test VMs)
const isCryptoFailure = (error: unknown) =>
  /unable to authenticate data|not a sealed value|bad decrypt|Invalid (initialization vector|authentication tag)/i.test(
    String((error as { message?: unknown } | null)?.message),
  )

/** Stop with BootRefusal unless `dataKey` is the key the database's rows were written under. */
export async function checkDataKey(store: Store, dataKey: Uint8Array, source: KeySource, now: Date): Promise<void> {
  try {
    // first, and before a check value is recorded: rows sealed before the check existed prove the key
    await store.listAllCases({ limit: 1, offset: 0 })
    await store.searchMerchants('', 1)
  } catch (error) {
    if (isCryptoFailure(error)) throw new BootRefusal(wrongKeySentence(source))
    throw error
  }
  const mine = keyCheckValue(dataKey)
  const recorded = await store.keepKeyCheck('DATA_KEY', mine, now.toISOString())
  if (recorded.length !== mine.length || !timingSafeEqual(Buffer.from(recorded), Buffer.from(mine))) {
    throw new BootRefusal(wrongKeySentence(source))
  }
}
