import { z } from 'zod'
import * as Registry from '../merchant/registry-api'
import { InviteCodeSchema } from '../merchant/invite'

// The registry function's actions: the merchant registry of a site (issue 5) — shops, posters,
// clerk invites and bindings. contract.ts gathers every function.
export const REGISTRY_API = {
  listMerchants: { input: Registry.RegistrySiteInput, output: Registry.MerchantListSchema },
  getMerchant: { input: Registry.MerchantIdInput, output: Registry.MerchantDetailSchema },
  saveMerchant: { input: Registry.SaveMerchantInputSchema, output: Registry.SavedMerchantSchema },
  importMerchantsCsv: { input: Registry.ImportCsvInputSchema, output: Registry.ImportResultSchema },
  issueInvite: { input: Registry.MerchantIdInput, output: Registry.InviteIssuedSchema },
  withdrawInvite: { input: Registry.WithdrawInviteInputSchema, output: z.object({ inviteId: z.string() }) },
  listMembers: { input: Registry.MerchantIdInput, output: Registry.MemberListSchema },
  decideMember: { input: Registry.DecideMemberInputSchema, output: Registry.MemberViewSchema },
  revokeMember: { input: Registry.MembershipIdInput, output: Registry.MemberViewSchema },
  posterData: { input: Registry.PosterInputSchema, output: Registry.PosterDataSchema },
  miniCode: { input: Registry.MerchantIdInput, output: Registry.MiniCodeImageSchema },
  /** an invite as a mini-program code (scene = the code, shown to the issuing station once; docs/invite-mini-code.md) */
  inviteMiniCode: { input: Registry.WithdrawInviteInputSchema.extend({ code: InviteCodeSchema }), output: Registry.MiniCodeImageSchema },
} as const
