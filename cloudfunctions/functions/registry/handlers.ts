import { defineFunction } from '../../runtime/define-function'
import type { MiniCodeSource } from '../../ports/mini-code'
import { inviteMiniCode } from '../../services/invite-mini-code'
import { importMerchantsCsv } from '../../services/merchant-import'
import { issueInvite, withdrawInvite } from '../../services/merchant-invites'
import { decideMember, listMembers, revokeMember } from '../../services/merchant-members'
import { getRegistryMerchant, listMerchants, saveRegistryMerchant } from '../../services/merchant-registry'
import { miniCodeImage, posterData } from '../../services/poster-data'

/** What only some deployments have: the cloud entry passes a mini-program code source. */
export interface RegistryWiring {
  miniCode?: MiniCodeSource
}

// The mini-code source is wired here rather than in Deps: only this function draws codes, and
// every other function (and every test of them) stays unaware of it.
export const registryFunctionWith = (wiring: RegistryWiring) =>
  defineFunction('registry', {
    listMerchants: (input, ctx) => listMerchants(ctx, input.siteId),
    getMerchant: (input, ctx) => getRegistryMerchant(ctx, input.merchantId),
    saveMerchant: (input, ctx) => saveRegistryMerchant(ctx, input),
    importMerchantsCsv: (input, ctx) => importMerchantsCsv(ctx, input.siteId, input.csv),
    issueInvite: (input, ctx) => issueInvite(ctx, input.merchantId),
    withdrawInvite: (input, ctx) => withdrawInvite(ctx, input.inviteId),
    listMembers: (input, ctx) => listMembers(ctx, input.merchantId),
    decideMember: (input, ctx) => decideMember(ctx, input.membershipId, input.approve),
    revokeMember: (input, ctx) => revokeMember(ctx, input.membershipId),
    posterData: (input, ctx) => posterData(ctx, input),
    miniCode: (input, ctx) => miniCodeImage(ctx, input.merchantId, wiring.miniCode),
    inviteMiniCode: (input, ctx) => inviteMiniCode(ctx, input, wiring.miniCode),
  })

/** The local host's (and the tests') registry: posters use the H5 URL's QR, so no mini-program codes. */
export const registryFunction = registryFunctionWith({})
