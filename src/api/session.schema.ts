import { z } from 'zod'
import { STAFF_ROLES } from '../domain/identity'

// Staff sign-in is not a function action (it sets an HttpOnly cookie on the local host), so its
// small schemas live beside the session client rather than in the domain contract.
export const LoginInputSchema = z.object({
  username: z.string().trim().min(1, { error: '请输入用户名' }).max(64, { error: '用户名太长' }),
  password: z.string().min(1, { error: '请输入密码' }).max(128, { error: '密码太长' }),
})

export const StaffSessionSchema = z.object({
  displayName: z.string(),
  role: z.enum(STAFF_ROLES),
})
export type StaffSession = z.infer<typeof StaffSessionSchema>
