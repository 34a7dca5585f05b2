// npm run cloud:provision against Tencent's management API on loopback: the real @cloudbase/manager-node
// in the script's own process, through its proxy setting, TLS and TC3 signatures checked. What goes
// over the wire is asserted in the API's own terms (Action names and parameters).
import { COLLECTIONS } from '../../cloudfunctions/adapters/cloudbase-db/collection-names'
import { COLLECTION_RESOURCES, FUNCTION_RULE, STORAGE_RULE } from '../../cloudfunctions/adapters/cloudbase-db/cloudbase-resources'
import { startManagerLoopback, type ManagerLoopback } from '../support/cloudbase-manager-loopback'
import { runCloudScript } from './run-cloud-script'

const ENV_ID = 'kuaisu-test-1a2b3c'
const WRITES = ['CreateTable', 'UpdateTable', 'ModifyDatabaseACL', 'ModifyStorageSafeRule', 'ModifyResourcePermission']
const ALL = Object.values(COLLECTIONS).sort()

let loopback: ManagerLoopback
beforeEach(async () => {
  loopback = await startManagerLoopback(ENV_ID)
})
afterEach(() => loopback.close())

const provision = (...args: string[]) => runCloudScript('cloud-provision.ts', ['--env', ENV_ID, ...args], loopback.childEnv())
const calls = (action: string) => loopback.calls.filter((c) => c.action === action)

test('when run without API keys, then it says in Chinese which keys it needs and calls nothing', async () => {
  const { TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY, ...noKeys } = loopback.childEnv()
  void TENCENTCLOUD_SECRETID
  void TENCENTCLOUD_SECRETKEY
  const run = await runCloudScript('cloud-provision.ts', ['--env', ENV_ID], noKeys)
  expect(run.code).toBe(2)
  expect(run.stderr).toContain('缺少腾讯云 API 密钥')
  expect(run.stderr).toContain('TENCENTCLOUD_SECRETID')
  expect(run.stderr).toContain('TENCENTCLOUD_SECRETKEY')
  expect(loopback.calls).toEqual([])
})

test('when run without --env, then it asks for the environment id', async () => {
  const run = await runCloudScript('cloud-provision.ts', [], loopback.childEnv())
  expect(run.code).toBe(2)
  expect(run.stderr).toContain('缺少云开发环境 ID')
  expect(loopback.calls).toEqual([])
})

test('when run with --dry-run and no keys, then it prints every collection, index and rule and calls nothing', async () => {
  const run = await runCloudScript('cloud-provision.ts', ['--env', ENV_ID, '--dry-run'], {})
  expect(run.code).toBe(0)
  for (const name of ALL) expect(run.stdout).toContain(`collection ${name}  acl ADMINONLY`)
  expect(run.stdout).toContain('index board_site_open (siteId ↑, open ↑, boardDueAt ↑, _id ↑)')
  expect(run.stdout).toContain(`storage rule ${JSON.stringify(STORAGE_RULE)}`)
  expect(run.stdout).toContain(`function rule ${JSON.stringify(FUNCTION_RULE)}`)
  expect(loopback.calls).toEqual([])
})

test('when run against an empty environment, then it creates every collection and index, locks every collection and sets both rules', async () => {
  const run = await provision()
  expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' })

  expect(loopback.calls.filter((c) => c.signatureProblem !== null)).toEqual([])
  expect(new Set(loopback.calls.map((c) => `${c.host} ${c.version} ${c.region}`))).toEqual(
    new Set(['tcb.tencentcloudapi.com 2018-06-08 ap-shanghai']),
  )
  expect(
    calls('CreateTable')
      .map((c) => c.params.TableName)
      .sort(),
  ).toEqual(ALL)
  for (const c of calls('CreateTable'))
    expect(c.params).toMatchObject({ EnvId: ENV_ID, MongoConnector: { DatabaseName: `tnt-${ENV_ID}`, InstanceId: 'flexdb' } })

  const cases = calls('UpdateTable').find((c) => c.params.TableName === COLLECTIONS.cases)
  expect(cases?.params.CreateIndexes).toContainEqual({
    IndexName: 'board_site_open',
    MgoKeySchema: {
      MgoIndexKeys: [
        { Name: 'siteId', Direction: '1' },
        { Name: 'open', Direction: '1' },
        { Name: 'boardDueAt', Direction: '1' },
        { Name: '_id', Direction: '1' },
      ],
      MgoIsUnique: false,
    },
  })
  for (const [name, spec] of Object.entries(COLLECTION_RESOURCES)) {
    const present = loopback.state.collections.get(name)?.indexes.map((i) => i.Name) ?? []
    expect(present.sort()).toEqual(['_id_', ...spec.indexes.map((i) => i.name)].sort())
  }
  expect(loopback.state.collections.get(COLLECTIONS.cases)?.indexes.find((i) => i.Name === 'created')?.Keys[0]).toEqual({
    Name: 'createdAt',
    Direction: '-1',
  })

  expect(calls('ModifyDatabaseACL').map((c) => c.params)).toEqual(
    ALL.map((CollectionName) => ({ EnvId: ENV_ID, CollectionName, AclTag: 'ADMINONLY' })).sort(byName),
  )
  expect(calls('ModifyStorageSafeRule').map((c) => c.params)).toEqual([
    { EnvId: ENV_ID, Bucket: loopback.state.bucket, AclTag: 'CUSTOM', Rule: JSON.stringify(STORAGE_RULE) },
  ])
  const functionRule = calls('ModifyResourcePermission').map((c) => c.params)
  expect(functionRule).toEqual([
    { EnvId: ENV_ID, ResourceType: 'function', Permission: 'CUSTOM', SecurityRule: JSON.stringify(FUNCTION_RULE) },
  ])
  expect(JSON.parse(loopback.state.functionRule)).toMatchObject({ '*': { invoke: false }, consumer: { invoke: 'auth != null' } })
})

test('when run a second time, then it only reads: nothing is created or modified again', async () => {
  expect((await provision()).code).toBe(0)
  loopback.calls.length = 0
  const again = await provision()
  expect(again.code).toBe(0)
  expect(again.stdout).toContain('没有改动')
  expect(loopback.calls.filter((c) => WRITES.includes(c.action))).toEqual([])
  expect(calls('DescribeTable')).toHaveLength(ALL.length)
})

test('when a collection already has an index of that name with other keys, then it is reported and left, and the run says so', async () => {
  expect((await provision()).code).toBe(0)
  const cases = loopback.state.collections.get(COLLECTIONS.cases)
  const created = cases?.indexes.find((i) => i.Name === 'created')
  if (!created) throw new Error('index created missing')
  created.Keys = [{ Name: 'createdAt', Direction: '1' }]
  loopback.calls.length = 0
  const run = await provision()
  expect(run.code).toBe(3)
  expect(run.stdout).toContain('! index cases.created exists as (createdAt ↑)')
  expect(loopback.calls.filter((c) => WRITES.includes(c.action))).toEqual([])
})

test('when a collection was opened to clients in the console, then the next run locks it again', async () => {
  expect((await provision()).code).toBe(0)
  const invites = loopback.state.collections.get(COLLECTIONS.invites)
  if (!invites) throw new Error('collection missing')
  invites.acl = 'READONLY'
  loopback.state.storage = { AclTag: 'READONLY' }
  loopback.calls.length = 0
  expect((await provision()).code).toBe(0)
  expect(calls('ModifyDatabaseACL').map((c) => c.params.CollectionName)).toEqual([COLLECTIONS.invites])
  expect(invites.acl).toBe('ADMINONLY')
  expect(loopback.state.storage).toEqual({ AclTag: 'CUSTOM', Rule: JSON.stringify(STORAGE_RULE) })
})

function byName(a: { CollectionName: string }, b: { CollectionName: string }) {
  return Object.keys(COLLECTION_RESOURCES).indexOf(a.CollectionName) - Object.keys(COLLECTION_RESOURCES).indexOf(b.CollectionName)
}

test('when the environment has no document database, then it says so in Chinese and creates nothing', async () => {
  loopback.state.instanceId = '' // DescribeEnvInfo then lists no database, as for an environment without one
  const run = await provision()
  expect(run.code).toBe(1)
  expect(run.stderr).toContain('没有文档型数据库')
  expect(loopback.calls.filter((c) => WRITES.includes(c.action))).toEqual([])
})
