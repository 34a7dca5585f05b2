import type { MiniCodeSource } from '../../ports/mini-code'
import { defineFunction } from '../../runtime/define-function'
import { bindingMiniCode } from '../../services/staff-binding-mini-code'
import {
  bindByCode,
  bindByPassword,
  issueBindingCode,
  listStaffBindings,
  myBindings,
  unbindMine,
  unbindStaff,
} from '../../services/staff-bindings'
import { createStaff, listSites, listStaff, saveSite, setStaffDisabled } from '../../services/staff-provisioning'
import { listAllTags, saveTag } from '../../services/tag-admin'

/** What only some deployments have: the cloud entry passes a mini-program code source (as the registry's). */
export interface StaffWiring {
  miniCode?: MiniCodeSource
}

// Staff identity from the OPENID and an administrator's provisioning (issue 15, docs/staff-identity.md).
export const staffFunctionWith = (wiring: StaffWiring) =>
  defineFunction('staff', {
    bindByCode: (input, ctx) => bindByCode(ctx, input.code),
    bindByPassword: (input, ctx) => bindByPassword(ctx, input.username, input.password),
    myBindings: (_input, ctx) => myBindings(ctx),
    unbindMine: (input, ctx) => unbindMine(ctx, input.bindingId),
    issueBindingCode: (input, ctx) => issueBindingCode(ctx, input.staffId),
    listBindings: (input, ctx) => listStaffBindings(ctx, input.staffId),
    unbind: (input, ctx) => unbindStaff(ctx, input.bindingId),
    listSites: (_input, ctx) => listSites(ctx),
    saveSite: (input, ctx) => saveSite(ctx, input),
    listStaff: (input, ctx) => listStaff(ctx, input.siteId),
    createStaff: (input, ctx) => createStaff(ctx, input),
    setStaffDisabled: (input, ctx) => setStaffDisabled(ctx, input.staffId, input.disabled),
    bindingMiniCode: (input, ctx) => bindingMiniCode(ctx, input, wiring.miniCode),
    listAllTags: (_input, ctx) => listAllTags(ctx),
    saveTag: (input, ctx) => saveTag(ctx, input),
  })

/** The local host's (and the tests'): no mini-program codes, so bindingMiniCode answers MINI_CODE_UNAVAILABLE. */
export const staffFunction = staffFunctionWith({})
