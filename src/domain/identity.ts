// Who is calling, as derived on the server — never taken from the request body.
// A "subject" is the stable anonymous identity: the WeChat OPENID in the cloud, or the SHA-256 of the
// device token cookie on the local host. Roles follow from what the store knows about that subject.
export const ROLES = ['consumer', 'merchant', 'station', 'proxy', 'regulator', 'admin'] as const
export type Role = (typeof ROLES)[number]

// admin: provisions sites, staff accounts and shops; never reads case contents (issue 15)
export const STAFF_ROLES = ['station', 'proxy', 'regulator', 'admin'] as const
export type StaffRole = (typeof STAFF_ROLES)[number]

export interface StaffIdentity {
  staffId: string
  role: StaffRole
  /** null for a regulator whose jurisdiction spans every site, and for an administrator */
  siteId: string | null
  displayName: string
}

export interface MerchantMembership {
  merchantId: string
  siteId: string
}

export interface Caller {
  /** anonymous subject (openid / device hash); absent when the platform gave none */
  subject?: string
  staff?: StaffIdentity
  /** active shop memberships of this subject (a clerk) */
  memberships: MerchantMembership[]
}

export function rolesOf(caller: Caller): Role[] {
  const roles: Role[] = []
  if (caller.subject) roles.push('consumer')
  if (caller.memberships.length > 0) roles.push('merchant')
  if (caller.staff) roles.push(caller.staff.role)
  return roles
}
