// One CloudBase environment as Tencent's management API shows it to @cloudbase/manager-node: the
// answers (Response bodies without RequestId) to the actions the provisioning and deploy scripts
// send, in the field names of the API reference (tcb 2018-06-08, scf 2018-04-16). Anything else is
// answered with an error, so a script that starts calling something new fails here first.

type Params = Record<string, unknown>
type Answer = Record<string, unknown>

export interface IndexKey {
  Name: string
  Direction: string
}
export interface TableIndex {
  Name: string
  Keys: IndexKey[]
  Unique: boolean
}
export interface Trigger {
  TriggerName: string
  Type: string
  /** a timer's is {"cron":"…"}, as GetFunction shows it */
  TriggerDesc: string
}
export interface FunctionState {
  FunctionName: string
  Runtime: string
  Handler: string
  MemorySize: number
  Timeout: number
  InstallDependency: string
  Environment: { Variables: Array<{ Key: string; Value: string }> }
  Triggers: Trigger[]
  codeUploads: number
}

export interface CloudState {
  envId: string
  /** where the environment lives: scf answers only calls addressed to this region (tcb is global) */
  region: string
  instanceId: string
  bucket: string
  collections: Map<string, { indexes: TableIndex[]; acl: string }>
  storage: { AclTag: string; Rule?: string }
  functionRule: string
  functions: Map<string, FunctionState>
  answer(service: string, action: string, params: Params, region: string): Answer
}

const err = (Code: string, Message: string): Answer => ({ Error: { Code, Message } })
const ACL_TAGS = ['READONLY', 'PRIVATE', 'ADMINWRITE', 'ADMINONLY', 'CUSTOM']
const str = (v: unknown) => (typeof v === 'string' ? v : '')

export function cloudState(envId: string, region = 'ap-shanghai'): CloudState {
  const appId = '1250000000'
  const state: CloudState = {
    envId,
    region,
    instanceId: `tnt-${envId}`,
    bucket: `${envId}-${appId}`,
    collections: new Map(),
    // CloudBase's defaults for a new environment
    storage: { AclTag: 'READONLY' },
    functionRule: JSON.stringify({ '*': { invoke: 'auth != null' } }),
    functions: new Map(),
    answer: (service, action, params, callRegion) => {
      if (service === 'scf' && callRegion !== state.region)
        return err('ResourceNotFound.Namespace', `no namespace ${str(params.Namespace)} in ${callRegion}`)
      if ('EnvId' in params && params.EnvId !== envId) return err('ResourceNotFound', `no environment ${str(params.EnvId)}`)
      if ('Namespace' in params && params.Namespace !== envId)
        return err('ResourceNotFound.Namespace', `no namespace ${str(params.Namespace)}`)
      const handler = (service === 'tcb' ? tcb : service === 'scf' ? scf : {})[action]
      return handler ? handler(params) : err('InvalidAction', `${service} ${action} is not modelled by the loopback`)
    },
  }

  /** The table a call names, or the error when its MongoConnector is not this environment's database. */
  const table = (params: Params): { ok: true; name: string } | { ok: false; problem: Answer } => {
    const connector = params.MongoConnector as { DatabaseName?: string; InstanceId?: string } | undefined
    if (connector?.DatabaseName !== state.instanceId || connector.InstanceId !== 'flexdb')
      return { ok: false, problem: err('InvalidParameter', 'MongoConnector') }
    return { ok: true, name: str(params.TableName) }
  }
  const fn = (params: Params) => state.functions.get(str(params.FunctionName))
  const notFound = (params: Params) => err('ResourceNotFound.FunctionName', `function ${str(params.FunctionName)} does not exist`)

  const tcb: Record<string, (p: Params) => Answer> = {
    DescribeEnvInfo: () => ({
      EnvInfo: {
        EnvBaseInfo: {
          EnvId: envId,
          Alias: envId,
          Status: 'NORMAL',
          Region: state.region,
          Databases: state.instanceId ? [{ InstanceId: state.instanceId, Region: state.region, Status: 'RUNNING' }] : [],
          Storages: [{ Region: state.region, Bucket: state.bucket, AppId: appId }],
          Functions: [{ Namespace: envId, Region: state.region }],
          LogServices: [],
        },
        UserInfo: { AppId: appId },
      },
    }),
    ListTables: (p) => {
      const t = table({ ...p, TableName: '' })
      if (!t.ok) return t.problem
      const all = [...state.collections.keys()].sort()
      const offset = Number(p.MgoOffset ?? 0)
      const limit = Number(p.MgoLimit ?? 100)
      const page = all.slice(offset, offset + limit).map((TableName) => ({ TableName, Count: 0, Size: 0, IndexCount: 1, IndexSize: 0 }))
      return { Tables: page.length ? page : null, Pager: { Offset: offset, Limit: limit, Total: all.length } }
    },
    CreateTable: (p) => {
      const t = table(p)
      if (!t.ok) return t.problem
      if (!/^[A-Za-z0-9_-]{1,64}$/.test(t.name)) return err('InvalidParameter.TableName', t.name)
      if (state.collections.has(t.name)) return err('ResourceInUse', `table ${t.name} exists`)
      state.collections.set(t.name, { indexes: [{ Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }], Unique: true }], acl: 'PRIVATE' })
      return {}
    },
    DescribeTable: (p) => {
      const t = table(p)
      if (!t.ok) return t.problem
      const c = state.collections.get(t.name)
      if (!c) return err('ResourceNotFound', `table ${t.name} does not exist`)
      const Indexes = c.indexes.map((i) => ({ ...i, Size: 0, Accesses: { Ops: 0, Since: '2026-12-05T00:00:00Z' } }))
      return { IndexNum: Indexes.length, Indexes }
    },
    UpdateTable: (p) => {
      const t = table(p)
      if (!t.ok) return t.problem
      const c = state.collections.get(t.name)
      if (!c) return err('ResourceNotFound', `table ${t.name} does not exist`)
      for (const drop of (p.DropIndexes as Array<{ IndexName: string }> | undefined) ?? [])
        c.indexes = c.indexes.filter((i) => i.Name !== drop.IndexName)
      for (const create of (p.CreateIndexes as
        Array<{ IndexName: string; MgoKeySchema: { MgoIndexKeys: IndexKey[]; MgoIsUnique: boolean } }> | undefined) ?? []) {
        const keys = create.MgoKeySchema?.MgoIndexKeys ?? []
        if (!/^[A-Za-z0-9_]{1,64}$/.test(create.IndexName ?? '')) return err('InvalidParameter', `index name ${create.IndexName}`)
        if (keys.length === 0 || keys.some((k) => !k.Name || !['1', '-1'].includes(k.Direction)))
          return err('InvalidParameter', 'MgoIndexKeys')
        if (c.indexes.some((i) => i.Name === create.IndexName)) return err('InvalidParameter', `index ${create.IndexName} exists`)
        c.indexes.push({
          Name: create.IndexName,
          Keys: keys.map((k) => ({ Name: k.Name, Direction: k.Direction })),
          Unique: create.MgoKeySchema.MgoIsUnique === true,
        })
      }
      return {}
    },
    DescribeDatabaseACL: (p) => {
      const c = state.collections.get(str(p.CollectionName))
      return c ? { AclTag: c.acl } : err('ResourceNotFound', `collection ${str(p.CollectionName)} does not exist`)
    },
    ModifyDatabaseACL: (p) => {
      const c = state.collections.get(str(p.CollectionName))
      if (!c) return err('ResourceNotFound', `collection ${str(p.CollectionName)} does not exist`)
      if (!ACL_TAGS.slice(0, 4).includes(str(p.AclTag))) return err('InvalidParameter.AclTag', str(p.AclTag))
      c.acl = str(p.AclTag)
      return {}
    },
    DescribeStorageSafeRule: (p) => (p.Bucket === state.bucket ? { ...state.storage } : err('ResourceNotFound', 'bucket')),
    ModifyStorageSafeRule: (p) => {
      if (p.Bucket !== state.bucket) return err('ResourceNotFound', 'bucket')
      if (!ACL_TAGS.includes(str(p.AclTag))) return err('InvalidParameter.AclTag', str(p.AclTag))
      if (p.AclTag === 'CUSTOM') JSON.parse(str(p.Rule)) // a rule that is not JSON is refused (throws → 500 → test fails)
      state.storage = p.AclTag === 'CUSTOM' ? { AclTag: 'CUSTOM', Rule: str(p.Rule) } : { AclTag: str(p.AclTag) }
      return {}
    },
    DescribeResourcePermission: (p) =>
      p.ResourceType === 'function'
        ? {
            Data: {
              TotalCount: 1,
              PermissionList: [{ ResourceType: 'function', Resource: '', Permission: 'CUSTOM', SecurityRule: state.functionRule }],
            },
          }
        : err('InvalidParameter.ResourceType', str(p.ResourceType)),
    ModifyResourcePermission: (p) => {
      if (p.ResourceType !== 'function' || p.Permission !== 'CUSTOM') return err('InvalidParameter', 'only the function rule is modelled')
      const rule = JSON.parse(str(p.SecurityRule)) as Record<string, { invoke?: unknown }>
      // CloudBase's own checks: a "*" entry, an invoke in each, and only these values
      const allowed = [true, false, 'auth != null', "auth.loginType != 'ANONYMOUS' && auth != null"]
      if (!rule['*'] || Object.values(rule).some((r) => !allowed.includes(r?.invoke as never)))
        return err('InvalidParameter', 'Invalid security rule config')
      state.functionRule = str(p.SecurityRule)
      return { Data: { Success: true } }
    },
  }

  const scf: Record<string, (p: Params) => Answer> = {
    GetFunction: (p) => {
      const f = fn(p)
      if (!f) return notFound(p)
      const { codeUploads, ...shown } = f
      void codeUploads
      return { ...shown, Status: 'Active', StatusReasons: [], Namespace: envId, Type: 'Event' }
    },
    CreateFunction: (p) => {
      if (fn(p)) return err('ResourceInUse.Function', `function ${str(p.FunctionName)} exists`)
      const code = p.Code as { ZipFile?: string } | undefined
      if (!code?.ZipFile?.startsWith('UEsD')) return err('InvalidParameter.Code', 'ZipFile is not a zip archive')
      const env = (p.Environment as FunctionState['Environment'] | undefined) ?? { Variables: [] }
      state.functions.set(str(p.FunctionName), {
        FunctionName: str(p.FunctionName),
        Runtime: str(p.Runtime),
        Handler: str(p.Handler),
        MemorySize: Number(p.MemorySize),
        Timeout: Number(p.Timeout),
        InstallDependency: str(p.InstallDependency),
        Environment: env,
        Triggers: [],
        codeUploads: 1,
      })
      return {}
    },
    UpdateFunctionCode: (p) => {
      const f = fn(p)
      if (!f) return notFound(p)
      const code = p.Code as { ZipFile?: string } | undefined
      if (!code?.ZipFile?.startsWith('UEsD')) return err('InvalidParameter.Code', 'ZipFile is not a zip archive')
      f.codeUploads += 1
      f.Handler = str(p.Handler) || f.Handler
      return {}
    },
    UpdateFunctionConfiguration: (p) => {
      const f = fn(p)
      if (!f) return notFound(p)
      if (p.MemorySize !== undefined) f.MemorySize = Number(p.MemorySize)
      if (p.Timeout !== undefined) f.Timeout = Number(p.Timeout)
      // the real API replaces the whole set: variables left out are gone
      if (p.Environment !== undefined) f.Environment = p.Environment as FunctionState['Environment']
      return {}
    },
    BatchCreateTrigger: (p) => {
      const f = fn(p)
      if (!f) return notFound(p)
      const triggers = JSON.parse(str(p.Triggers)) as Array<{ TriggerName: string; Type: string; TriggerDesc: string }>
      for (const t of triggers) {
        if (f.Triggers.some((x) => x.TriggerName === t.TriggerName)) return err('ResourceInUse.Trigger', `trigger ${t.TriggerName} exists`)
        if (t.Type !== 'timer' || t.TriggerDesc.trim().split(/\s+/).length !== 7) return err('InvalidParameter.TriggerDesc', t.TriggerDesc)
      }
      for (const t of triggers)
        f.Triggers.push({ TriggerName: t.TriggerName, Type: t.Type, TriggerDesc: JSON.stringify({ cron: t.TriggerDesc }) })
      return {}
    },
    DeleteTrigger: (p) => {
      const f = fn(p)
      if (!f) return notFound(p)
      if (!f.Triggers.some((t) => t.TriggerName === p.TriggerName)) return err('ResourceNotFound.Trigger', str(p.TriggerName))
      f.Triggers = f.Triggers.filter((t) => t.TriggerName !== p.TriggerName)
      return {}
    },
  }
  return state
}
