import { z } from 'zod'
import { STAFF_ROLES } from '../identity'
import { InviteCodeSchema } from '../merchant/invite'

// Inputs and outputs of staff identity in the mini-program (issue 15): binding an OPENID to a staff
// account, and the administrator's provisioning of sites and accounts. src/domain/api/contract.ts
// lists them under their function; docs/staff-identity.md says how they fit together.

/** A binding code is issued like a clerk's invite code: 12 characters, typed or scanned, once. */
export const BINDING_CODE_TTL_HOURS = 24

/** The page a binding mini-program code opens; it redeems its `scene` as a typed code. */
export const BINDING_PAGE = 'pages/staff/bind/index'

const Id = z.string({ error: '缺少编号' }).min(1, { error: '缺少编号' }).max(64)
const Username = z.string({ error: '请输入用户名' }).trim().min(1, { error: '请输入用户名' }).max(64, { error: '用户名不能超过64个字符' })
const Password = z.string({ error: '请输入密码' }).min(1, { error: '请输入密码' }).max(256)

export const BindByCodeInputSchema = z.object({ code: InviteCodeSchema })
export const BindByPasswordInputSchema = z.object({ username: Username, password: Password })
export const StaffIdInputSchema = z.object({ staffId: Id })
export const BindingIdInputSchema = z.object({ bindingId: Id })
/** the code as just issued (shown this once): only its hash is stored, so the issuer sends it to be drawn */
export const BindingMiniCodeInputSchema = StaffIdInputSchema.extend({ code: InviteCodeSchema })

/** Who the OPENID now acts as. */
export const StaffBoundSchema = z.object({
  bindingId: z.string(),
  displayName: z.string(),
  role: z.enum(STAFF_ROLES),
  siteName: z.string().nullable(),
})

export const StaffBindingViewSchema = z.object({
  id: z.string(),
  staffId: z.string(),
  /** the OPENID, masked: enough to tell two phones apart, never the whole */
  subjectMasked: z.string(),
  via: z.enum(['code', 'password', 'bootstrap']),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  /** the caller's own binding (the phone in hand) */
  mine: z.boolean(),
})
export const StaffBindingListSchema = z.object({ items: z.array(StaffBindingViewSchema) })

export const BindingCodeIssuedSchema = z.object({ staffId: z.string(), code: z.string(), expiresAt: z.string() })

export const SaveSiteInputSchema = z.object({
  /** absent: a new site */
  id: Id.optional(),
  name: z.string({ error: '请填写站点名称' }).trim().min(1, { error: '请填写站点名称' }).max(60, { error: '站点名称不能超过60字' }),
  address: z.string({ error: '地址格式不正确' }).trim().max(120, { error: '地址不能超过120字' }).default(''),
  hotline: z.string({ error: '电话格式不正确' }).trim().max(40, { error: '电话不能超过40个字符' }).default(''),
  areaId: z.string().trim().min(1).max(64).optional(),
})
export const SiteViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string(),
  hotline: z.string(),
  areaId: z.string().nullable(),
})

export const CreateStaffInputSchema = z.object({
  username: Username.regex(/^[A-Za-z0-9._-]+$/, { error: '用户名只能用字母、数字和 . _ -' }),
  displayName: z.string({ error: '请填写姓名' }).trim().min(1, { error: '请填写姓名' }).max(40, { error: '姓名不能超过40字' }),
  role: z.enum(STAFF_ROLES, { error: '请选择角色' }),
  /** a station's or proxy point's site; a regulator's may be empty (every site); an administrator's is empty */
  siteId: Id.optional(),
  /** for the desk; absent: the account is bound by code only */
  password: z.string().min(10, { error: '密码至少10位' }).max(256).optional(),
})
export const StaffViewSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(STAFF_ROLES),
  siteId: z.string().nullable(),
  disabled: z.boolean(),
})
export const StaffListInputSchema = z.object({ siteId: Id.optional() })
export const StaffListSchema = z.object({ items: z.array(StaffViewSchema) })
export const SiteListSchema = z.object({ items: z.array(SiteViewSchema) })
export const SetStaffDisabledInputSchema = StaffIdInputSchema.extend({ disabled: z.boolean({ error: '请选择停用或启用' }) })
