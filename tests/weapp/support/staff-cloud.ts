import type { CloudCall } from './fake-wx'

// The cloud the staff weapp tests talk to: the `staff`, `station` and `proxy` functions in their
// envelope ({ ok, data } or { ok: false, error }). Whether this WeChat is bound is the only state it
// keeps, as the real functions key everything on the caller's OPENID.

export const GOOD_CODE = 'ABCD2345EFGH'
export const PROXY_CODE = 'PROXY2345ABC'
export const PASSWORD_LOGIN = { username: 'xinghe-station', password: 'correct horse battery' }
export const STATION = { displayName: '林站长', role: 'station', siteName: '星河广场' } as const
export const PROXY = { displayName: '社区代办员', role: 'proxy', siteName: '星河广场' } as const

type Account = { displayName: string; role: string; siteName: string | null }
/** who this WeChat is bound to; tests set and read it */
export const staffCloud: { bound: Account | null } = { bound: null }

const refused = (code: string, message: string) => ({ ok: false, error: { code, message } })

const caseOf = (n: number, merchantName: string, excerpt: string) => ({
  id: `case-${n}`,
  caseNo: `KS-20261122-000${n}`,
  kind: 'complaint',
  status: 'received',
  merchantName,
  excerpt,
  createdAt: '2026-11-22T10:00:00+08:00',
  nextDue: null,
})
const binding = { id: 'bind-1', staffId: 'st-1', subjectMasked: 'oAbC****x9Yz', via: 'code', createdAt: '2026-11-22T09:00:00+08:00' }

export function playStaffCloud({ name, data }: CloudCall): unknown {
  const action = `${name}.${String(data.action)}`
  if (action === 'staff.bindByCode' || action === 'staff.bindByPassword') {
    const byPassword = data.username === PASSWORD_LOGIN.username && data.password === PASSWORD_LOGIN.password
    if (data.code === GOOD_CODE || byPassword) staffCloud.bound = STATION
    else if (data.code === PROXY_CODE) staffCloud.bound = PROXY
    else return refused('BINDING_CODE_INVALID', '绑定码无效、已使用或已过期，请向管理员重新索取')
    return { ok: true, data: { bindingId: binding.id, ...staffCloud.bound } }
  }
  // an OPENID bound to nobody is a shopper: every staff action refuses it, as cloud-main does
  if (!staffCloud.bound) return refused('UNAUTHENTICATED', '请先登录')
  if (action === 'station.me') return { ok: true, data: staffCloud.bound }
  if (action === 'staff.myBindings') return { ok: true, data: { items: [{ ...binding, revokedAt: null, mine: true }] } }
  if (action === 'staff.unbindMine') {
    staffCloud.bound = null
    return { ok: true, data: { ...binding, revokedAt: '2026-11-22T11:00:00+08:00', mine: true } }
  }
  if (action === 'proxy.listMyFilings') return { ok: true, data: { items: [caseOf(3, '星河超市', '临期牛奶当新品卖')] } }
  if (action === 'station.listCases') {
    const items = [caseOf(1, '味道小馆', '麻辣烫里有头发，要求退款'), caseOf(2, '星河数码', '充电宝用了两天就坏了')]
    return { ok: true, data: { siteName: '星河广场', items, nextCursor: null } }
  }
  return refused('UNKNOWN_ACTION', '不支持的操作')
}
