import { z } from 'zod'
import { MerchantSchema } from '../merchant.schema'
import { InviteCodeSchema } from './invite'
import { MerchantInputSchema } from './merchant-input.schema'
import { MerchantRecordSchema } from './merchant-record'
import { MemberViewSchema, MyMembershipSchema } from './membership-view'

// Inputs and outputs of the registry function (station staff) and of the clerk's binding actions;
// src/domain/api/contract.ts lists them under their function. Kept here so the contract file stays
// a table of names.

const idOf = (what: string) =>
  z
    .string({ error: `缺少${what}` })
    .min(1, { error: `缺少${what}` })
    .max(64, { error: `${what}格式不正确` })
export const MerchantIdInput = z.object({ merchantId: idOf('商户') })
export const MembershipIdInput = z.object({ membershipId: idOf('绑定申请') })

/** Which site's shops: a station its own (omit it); a regulator names one. */
export const RegistrySiteInput = z.object({ siteId: z.string().min(1).max(64).optional() })

/** A shop in the station's list: contact masked (the full contact is on the shop's own page). */
export const MerchantListItemSchema = MerchantSchema.extend({ contactName: z.string(), contactPhone: z.string() })
export const MerchantListSchema = z.object({ siteId: z.string(), siteName: z.string(), items: z.array(MerchantListItemSchema) })

/** An invite still usable: its code is never shown again after issuing, only when it ends. */
export const LiveInviteSchema = z.object({ id: z.string(), createdAt: z.string(), expiresAt: z.string() })

export const MerchantDetailSchema = z.object({
  merchant: MerchantSchema,
  siteName: z.string(),
  /** "45分钟内响应 · 90分钟内到场", or null when the shop has not signed */
  commitment: z.string().nullable(),
  record: MerchantRecordSchema,
  invites: z.array(LiveInviteSchema),
  /** the shopper's entry path, /s/<code> */
  entryPath: z.string(),
})

/** Create (no id) or edit (id): the code and site of an existing shop never change here. */
export const SaveMerchantInputSchema = MerchantInputSchema.extend({
  id: z.string().min(1).max(64).optional(),
  siteId: z.string().min(1).max(64).optional(),
})
export const SavedMerchantSchema = z.object({ merchant: MerchantSchema, created: z.boolean() })

/** A whole mall as CSV text (UTF-8); ~2,000 shops fit well within the limit. */
export const MERCHANT_CSV_MAX_CHARS = 1_000_000
export const ImportCsvInputSchema = RegistrySiteInput.extend({
  csv: z
    .string({ error: '请选择要导入的文件' })
    .min(1, { error: '文件是空的' })
    .max(MERCHANT_CSV_MAX_CHARS, { error: '文件太大，请分批导入（每次不超过2000家）' }),
})
export const ImportResultSchema = z.object({
  created: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  /** each row that was left out, with every reason ("第3行：统一社会信用代码校验位不正确") */
  bad: z.array(z.object({ row: z.number().int().positive(), reasons: z.array(z.string()) })),
})

export const InviteIssuedSchema = z.object({
  inviteId: z.string(),
  /** shown once: only its hash is kept */
  code: z.string(),
  /** the H5 path that redeems it, relative to the app's origin (/#/pages/merchant/join/index?code=…) */
  url: z.string(),
  expiresAt: z.string(),
})
export const WithdrawInviteInputSchema = z.object({ inviteId: idOf('邀请') })

export const MemberListSchema = z.object({ items: z.array(MemberViewSchema) })
export const DecideMemberInputSchema = MembershipIdInput.extend({ approve: z.boolean({ error: '请选择通过或拒绝' }) })

export const PosterInputSchema = RegistrySiteInput.extend({
  /** omitted: every shop of the site (batch print) */
  merchantIds: z.array(z.string().min(1).max(64)).min(1, { error: '请选择商户' }).max(500, { error: '一次最多打印500家' }).optional(),
})
export const PosterItemSchema = z.object({
  merchantId: z.string(),
  code: z.string(),
  name: z.string(),
  booth: z.string(),
  signed: z.boolean(),
  commitment: z.string().nullable(),
  siteName: z.string(),
  hotline: z.string(),
  entryPath: z.string(),
})
export const PosterDataSchema = z.object({ items: z.array(PosterItemSchema) })

export const MiniCodeImageSchema = z.object({ contentType: z.string(), base64: z.string() })

export const RedeemInviteInputSchema = z.object({ code: InviteCodeSchema })
export const MyMembershipListSchema = z.object({ items: z.array(MyMembershipSchema) })
export { MemberViewSchema, MyMembershipSchema }
