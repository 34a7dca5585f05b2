import * as Registry from '../merchant/registry-api'
import * as Staff from '../staff/staff-api'
import { ADMIN_TAGS_API } from '../tags/tags-api'
import { NoInput } from './action-schemas'

// The staff function's actions: staff identity from the OPENID and provisioning (issue 15,
// docs/staff-identity.md), and the administrator's tag list. contract.ts gathers every function.
export const STAFF_API = {
  /** a one-time code from an administrator (or the station) → the caller's OPENID is that staff account */
  bindByCode: { input: Staff.BindByCodeInputSchema, output: Staff.StaffBoundSchema },
  /** the account's username and password, once (locked out after repeated failures, as the desk) */
  bindByPassword: { input: Staff.BindByPasswordInputSchema, output: Staff.StaffBoundSchema },
  myBindings: { input: NoInput, output: Staff.StaffBindingListSchema },
  unbindMine: { input: Staff.BindingIdInputSchema, output: Staff.StaffBindingViewSchema },
  issueBindingCode: { input: Staff.StaffIdInputSchema, output: Staff.BindingCodeIssuedSchema },
  /** a binding code as a mini-program code (page = the binding page, scene = the code; docs/admin-pages.md) */
  bindingMiniCode: { input: Staff.BindingMiniCodeInputSchema, output: Registry.MiniCodeImageSchema },
  listBindings: { input: Staff.StaffIdInputSchema, output: Staff.StaffBindingListSchema },
  unbind: { input: Staff.BindingIdInputSchema, output: Staff.StaffBindingViewSchema },
  listSites: { input: NoInput, output: Staff.SiteListSchema },
  saveSite: { input: Staff.SaveSiteInputSchema, output: Staff.SiteViewSchema },
  /** an administrator every account (or one site's); a station its own site's station and proxy accounts */
  listStaff: { input: Staff.StaffListInputSchema, output: Staff.StaffListSchema },
  createStaff: { input: Staff.CreateStaffInputSchema, output: Staff.StaffViewSchema },
  setStaffDisabled: { input: Staff.SetStaffDisabledInputSchema, output: Staff.StaffViewSchema },
  // 标签管理 (src/domain/tags/tags-api.ts, docs/tags.md)
  ...ADMIN_TAGS_API,
} as const
