// npm run cloud:provision -- --env <envId> [--dry-run] [--region ap-shanghai]
//
// Makes a CloudBase environment hold what cloudfunctions/adapters/cloudbase-db/cloudbase-resources.ts
// describes: every collection, its indexes, ADMINONLY on each, the storage rule and the function rule.
// Idempotent: what exists and matches is left alone, what is missing is created, what differs in a rule
// is set. An index that exists under the same name with other keys is reported, never dropped (a drop
// on a live collection is a decision for a person). With --dry-run it prints the plan and needs no keys.
import {
  COLLECTION_ACL,
  COLLECTION_RESOURCES,
  FUNCTION_RULE,
  STORAGE_RULE,
  type IndexSpec,
} from '../cloudfunctions/adapters/cloudbase-db/cloudbase-resources'
import { describeError, keysFromEnv, MISSING_ENV_MESSAGE, missingKeysMessage, openManager, parseCloudArgs, runMain } from './cloud-manager'

type Manager = ReturnType<typeof openManager>
type WireKey = { Name: string; Direction: string }

const wireKeys = (index: IndexSpec): WireKey[] => index.keys.map(([Name, dir]) => ({ Name, Direction: dir === 'asc' ? '1' : '-1' }))
const showKeys = (keys: readonly WireKey[]) => keys.map((k) => `${k.Name} ${k.Direction === '-1' ? '↓' : '↑'}`).join(', ')
const sameKeys = (a: readonly WireKey[], b: readonly WireKey[]) =>
  a.length === b.length && a.every((k, i) => k.Name === b[i].Name && String(k.Direction) === String(b[i].Direction))
/** A rule as the API stores it (a JSON string) compared by meaning, not by spacing or key order. */
const sameRule = (stored: unknown, wanted: object) => {
  const parsed = typeof stored === 'string' ? safeJson(stored) : stored
  return canonical(parsed) === canonical(wanted)
}
const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}
const canonical = (value: unknown): string =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? `{${Object.keys(value)
        .sort()
        .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
        .join(',')}}`
    : JSON.stringify(value)

function printPlan(envId: string): void {
  console.log(`云开发环境 ${envId} 应有的资源（--dry-run：只列出，不连接）：`)
  for (const [name, spec] of Object.entries(COLLECTION_RESOURCES)) {
    console.log(`  collection ${name}  acl ${COLLECTION_ACL}`)
    for (const index of spec.indexes) console.log(`    index ${index.name} (${showKeys(wireKeys(index))})`)
  }
  console.log(`  storage rule ${JSON.stringify(STORAGE_RULE)}`)
  console.log(`  function rule ${JSON.stringify(FUNCTION_RULE)}`)
}

/** Every collection that exists, page by page (ListTables answers 100 at a time). */
async function existingCollections(manager: Manager): Promise<Set<string>> {
  const names = new Set<string>()
  for (let offset = 0; ; offset += 100) {
    const page = await manager.database.listCollections({ MgoOffset: offset, MgoLimit: 100 })
    for (const c of page.Collections ?? []) names.add(c.CollectionName)
    if ((page.Collections ?? []).length < 100 || names.size >= (page.Pager?.Total ?? 0)) return names
  }
}

async function provisionCollections(
  manager: Manager,
  envId: string,
  log: (line: string) => void,
): Promise<{ changes: number; drift: number }> {
  let changes = 0
  let drift = 0
  const existing = await existingCollections(manager)
  const tcb = manager.commonService('tcb', '2018-06-08')
  for (const [name, spec] of Object.entries(COLLECTION_RESOURCES)) {
    if (!existing.has(name)) {
      await manager.database.createCollection(name)
      log(`+ collection ${name}`)
      changes++
    }
    const described = await manager.database.describeCollection(name)
    const present = (described.Indexes ?? []) as Array<{ Name: string; Keys?: WireKey[] }>
    const missing: IndexSpec[] = []
    for (const index of spec.indexes) {
      const found = present.find((p) => p.Name === index.name)
      if (!found) missing.push(index)
      else if (!sameKeys(found.Keys ?? [], wireKeys(index))) {
        log(`! index ${name}.${index.name} exists as (${showKeys(found.Keys ?? [])}), wanted (${showKeys(wireKeys(index))}): left as is`)
        drift++
      }
    }
    if (missing.length > 0) {
      await manager.database.updateCollection(name, {
        CreateIndexes: missing.map((index) => ({
          IndexName: index.name,
          MgoKeySchema: { MgoIndexKeys: wireKeys(index), MgoIsUnique: false },
        })),
      })
      for (const index of missing) log(`+ index ${name}.${index.name} (${showKeys(wireKeys(index))})`)
      changes += missing.length
    }
    const acl = (await tcb.call({ Action: 'DescribeDatabaseACL', Param: { EnvId: envId, CollectionName: name } })) as { AclTag?: string }
    if (acl.AclTag !== COLLECTION_ACL) {
      await tcb.call({ Action: 'ModifyDatabaseACL', Param: { EnvId: envId, CollectionName: name, AclTag: COLLECTION_ACL } })
      log(`~ acl ${name}: ${acl.AclTag ?? '—'} → ${COLLECTION_ACL}`)
      changes++
    }
  }
  return { changes, drift }
}

async function provisionRules(manager: Manager, log: (line: string) => void): Promise<number> {
  let changes = 0
  const storage = await manager.storage.getStorageAcl({ withRule: true })
  if (storage.acl !== 'CUSTOM' || !sameRule(storage.rule, STORAGE_RULE)) {
    await manager.storage.setStorageAcl('CUSTOM', { ...STORAGE_RULE })
    log(`~ storage rule: ${storage.acl} → CUSTOM ${JSON.stringify(STORAGE_RULE)}`)
    changes++
  }
  const described = await manager.permission.describeResourcePermission({ resourceType: 'function' })
  const current = described.Data?.PermissionList?.find((p) => p.ResourceType === 'function')
  if (current?.Permission !== 'CUSTOM' || !sameRule(current.SecurityRule, FUNCTION_RULE)) {
    await manager.permission.modifyResourcePermission({
      resourceType: 'function',
      permission: 'CUSTOM',
      securityRule: JSON.stringify(FUNCTION_RULE),
    })
    log(`~ function rule → ${JSON.stringify(FUNCTION_RULE)}`)
    changes++
  }
  return changes
}

async function main(): Promise<number> {
  const args = parseCloudArgs(process.argv.slice(2))
  if (!args.envId) {
    console.error(MISSING_ENV_MESSAGE)
    return 2
  }
  if (args.dryRun) {
    printPlan(args.envId)
    return 0
  }
  const keys = keysFromEnv(process.env)
  if (!keys) {
    console.error(missingKeysMessage(args.envId, '创建集合、索引和安全规则'))
    return 2
  }
  const manager = openManager(args.envId, keys, args.region)
  const log = (line: string) => console.log(`  ${line}`)
  console.log(`云开发环境 ${args.envId}：`)
  try {
    // manager-node takes the database and the bucket from the environment's description and fails
    // obscurely without them (an environment created with only a PostgreSQL database, say)
    const info = (await manager.env.getEnvInfo()).EnvInfo
    if (!info.Databases?.length || !info.Storages?.length) {
      console.error(
        `环境 ${args.envId} 没有${info.Databases?.length ? '' : '文档型数据库'}${info.Databases?.length || info.Storages?.length ? '' : '和'}${info.Storages?.length ? '' : '云存储'}：请先在云开发控制台开通。`,
      )
      return 1
    }
    const collections = await provisionCollections(manager, args.envId, log)
    const rules = await provisionRules(manager, log)
    const changes = collections.changes + rules
    console.log(changes === 0 ? '已与清单一致，没有改动。' : `完成：${changes} 项改动。`)
    if (collections.drift > 0) console.log(`注意：${collections.drift} 个索引与清单不同，未改动（见上方 ! 行）。`)
    return collections.drift > 0 ? 3 : 0
  } catch (error) {
    console.error(`失败：${describeError(error)}`)
    console.error('已完成的改动保留；修正后重新运行即可，已存在的不会重复创建。')
    return 1
  }
}

runMain(main)
