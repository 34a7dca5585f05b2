// Errors are values with stable codes. The catalogue is the ONE place that maps a code to the
// Chinese sentence people see and to the HTTP status the local host answers with.
export const ERROR_CATALOGUE = {
  BAD_REQUEST: { status: 400, message: '请求格式不正确' },
  VALIDATION_FAILED: { status: 400, message: '填写的内容有误，请按提示修改' },
  UNKNOWN_FUNCTION: { status: 404, message: '没有这项服务' },
  UNKNOWN_ACTION: { status: 400, message: '不支持的操作' },
  UNAUTHENTICATED: { status: 401, message: '请先登录' },
  LOGIN_FAILED: { status: 401, message: '用户名或密码不正确' },
  FORBIDDEN: { status: 403, message: '没有权限进行此操作' },
  MERCHANT_NOT_FOUND: { status: 404, message: '未找到该商户' },
  // merchant registry and clerk binding (issue 5)
  MERCHANT_USCC_TAKEN: { status: 409, message: '本站点已有使用该统一社会信用代码的商户' },
  CSV_UNREADABLE: { status: 400, message: '表格无法读取，请按提示修改后重新导入' },
  INVITE_NOT_FOUND: { status: 404, message: '邀请码无效或已过期，请向维权站重新索取' },
  MEMBERSHIP_NOT_FOUND: { status: 404, message: '未找到该绑定申请' },
  MEMBERSHIP_NOT_PENDING: { status: 409, message: '该绑定申请已处理过，请刷新后查看' },
  MINI_CODE_UNAVAILABLE: { status: 501, message: '此环境不能生成小程序码，请打印网页二维码' },
  MINI_CODE_FAILED: { status: 502, message: '小程序码生成失败，请稍后再试' },
  // staff identity from the OPENID and provisioning (issue 15)
  BINDING_CODE_INVALID: { status: 404, message: '绑定码无效、已使用或已过期，请向管理员重新索取' },
  STAFF_SUBJECT_TAKEN: { status: 409, message: '此微信已绑定另一个工作人员账号，请先解除原绑定' },
  STAFF_BINDING_NOT_FOUND: { status: 404, message: '未找到该绑定' },
  STAFF_NOT_FOUND: { status: 404, message: '未找到该工作人员账号' },
  STAFF_USERNAME_TAKEN: { status: 409, message: '该用户名已被使用，请换一个' },
  LOGIN_LOCKED: { status: 429, message: '登录失败次数太多，请稍后再试' },
  CASE_NOT_FOUND: { status: 404, message: '未找到该投诉' },
  SITE_NOT_FOUND: { status: 404, message: '未找到该站点' },
  NOTIFICATION_NOT_FOUND: { status: 404, message: '未找到该通知' },
  CONTACT_NOT_FOUND: { status: 404, message: '未找到该通知联系人，请刷新后查看' },
  LOOKUP_FAILED: { status: 404, message: '案件编号或查询码不正确' },
  CONSENT_REQUIRED: { status: 400, message: '请先阅读并同意最新的个人信息告知' },
  EVIDENCE_NOT_FOUND: { status: 400, message: '有附件未上传成功，请重新上传' },
  FILE_LINK_EXPIRED: { status: 404, message: '文件链接已失效，请刷新后再打开' },
  // hybrid mode: the mini-program's file is in CloudBase storage and this host has no CloudBase keys
  FILE_IN_CLOUD_STORAGE: { status: 501, message: '文件在云存储中，本机未配置云开发' },
  TOO_MANY_FILES: { status: 400, message: '附件数量超过上限' },
  FILE_TOO_LARGE: { status: 413, message: '文件太大，请压缩后再上传' },
  UNSUPPORTED_FILE_TYPE: { status: 415, message: '不支持这种文件，请上传照片、视频、录音或PDF' },
  VIDEO_TOO_LONG: { status: 413, message: '视频不能超过60秒' },
  // voice to text: the recording is kept as evidence whatever happens to its transcription
  ASR_UNAVAILABLE: { status: 503, message: '语音转写暂不可用，录音已作为证据保存' },
  ASR_FAILED: { status: 422, message: '没有听清，录音已作为证据保存，请再说一遍或直接输入文字' },
  AUDIO_TOO_LONG: { status: 413, message: '录音超过60秒，请分段说，录音已作为证据保存' },
  AUDIO_TOO_LARGE: { status: 413, message: '录音文件太大，请分段说，录音已作为证据保存' },
  TOO_MANY_REQUESTS: { status: 429, message: '操作太频繁，请稍后再试' },
  // 507 Insufficient Storage, not 503: the disk is below its floor until someone frees space, so
  // clients must not treat it as a blip to retry in a few seconds (they do so for 503)
  STORAGE_FULL: { status: 507, message: '服务器存储空间不足，暂时不能接收文件，请稍后再试或到维权站现场提交' },
  IDEMPOTENCY_CONFLICT: { status: 409, message: '这份投诉已提交过，内容与之前不同，请刷新后重试' },
  CONCURRENT_UPDATE: { status: 409, message: '案件刚被他人更新，请刷新后重试' },
  ILLEGAL_TRANSITION: { status: 409, message: '案件当前状态下不能进行此操作' },
  EXTENSION_NOT_ALLOWED: { status: 409, message: '只有复杂案件可在到期前延期一次' },
  RETURN_VISIT_BY_HANDLER: { status: 409, message: '回访应由办结人以外的工作人员进行' },
  // a request carried a browser token that a parallel request had just replaced: sent again, it works
  DEVICE_ROTATED: { status: 409, message: '页面身份刚刚更新，请再试一次' },
  NOT_ON_SITE_ASSIGNEE: { status: 403, message: '到场签到应由维权站指派的到场人员进行' },
  REWARD_NOT_AVAILABLE: { status: 409, message: '只有经核查属实并已办结的举报可以申请奖励' },
  REWARD_ALREADY_APPLIED: { status: 409, message: '已申请过举报奖励，请查看处理结果' },
  REWARD_NOT_FOUND: { status: 404, message: '尚未申请举报奖励' },
  REWARD_ALREADY_DECIDED: { status: 409, message: '该奖励申请已处理过，请刷新后查看' },
  REPORT_NOT_FOR_MERCHANT: { status: 409, message: '举报不转给被举报的商家处理，由维权站核查' },
  // consultations (咨询, src/domain/consult)
  CONSULTATION_NOT_FOUND: { status: 404, message: '未找到该咨询' },
  CONSULTATION_CLOSED: { status: 409, message: '该咨询已答复或已转为投诉，不能再操作' },
  CONSULTATION_NOT_CONVERTED: { status: 409, message: '该咨询未转为投诉' },
  CONSULTATION_ALREADY_LINKED: { status: 409, message: '该咨询已关联了一件投诉' },
  // 回访抽查 and the review of low ratings (src/domain/callback)
  CALLBACK_NOT_FOUND: { status: 404, message: '本月抽查名单中没有这件投诉' },
  CALLBACK_DONE: { status: 409, message: '这件投诉的抽查回访已记录过，请刷新后查看' },
  REVIEW_NOT_FOUND: { status: 404, message: '未找到该评价复核' },
  REVIEW_DONE: { status: 409, message: '该评价已复核过，请刷新后查看' },
  // 投诉信息公示 (src/domain/public-records)
  NOT_PUBLISHED: { status: 409, message: '贵店目前未在投诉信息公示中，无需提出异议' },
  OBJECTION_PENDING: { status: 409, message: '已有一条异议正在核实，请等待维权站处理结果' },
  OBJECTION_NOT_FOUND: { status: 404, message: '未找到该异议' },
  OBJECTION_DECIDED: { status: 409, message: '该异议已处理过，请刷新后查看' },
  // 统计 (issue 18): a saved query of someone else answers the same as one that never existed
  STATS_QUERY_NOT_FOUND: { status: 404, message: '未找到该查询，请刷新后查看' },
  // 突发消费事件: another site's alert answers the same as one that never existed
  BURST_NOT_FOUND: { status: 404, message: '未找到该预警，请刷新后查看' },
  BURST_ALREADY_MESSAGED: { status: 409, message: '已经给这批投诉人发过消息了，不会重复发送' },
  // printed reports (PDF): the server has no Chinese font (KS_REPORT_FONT, docs/exports-and-reports.md)
  REPORT_FONT_MISSING: { status: 503, message: '服务器缺少报表所需的中文字体，暂时不能生成PDF，请联系管理员' },
  // 导出 as a function action where this deployment keeps no files for download (the local host streams instead)
  EXPORT_UNAVAILABLE: { status: 501, message: '这里不能生成下载文件，请在电脑上打开“导出与报表”页面导出' },
  NETWORK_ERROR: { status: 503, message: '网络连接失败，请检查网络后重试' },
  // the database dropped or refused the connection (restart, failover): retryable, answered with Retry-After
  SERVICE_UNAVAILABLE: { status: 503, message: '服务暂时中断，请稍等几秒后重试' },
  INTERNAL: { status: 500, message: '服务暂时不可用，请稍后再试' },
} as const satisfies Record<string, { status: number; message: string }>

export type ErrorCode = keyof typeof ERROR_CATALOGUE

/** Field path (e.g. "description") → Chinese message shown next to that field. */
export type FieldErrors = Record<string, string>

export interface AppError {
  code: ErrorCode
  message: string
  fields?: FieldErrors
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppError }

export function appError(code: ErrorCode, fields?: FieldErrors): AppError {
  const error: AppError = { code, message: ERROR_CATALOGUE[code].message }
  if (fields && Object.keys(fields).length > 0) error.fields = fields
  return error
}

export const ok = <T>(data: T): Result<T> => ({ ok: true, data })
export const fail = <T = never>(code: ErrorCode, fields?: FieldErrors): Result<T> => ({
  ok: false,
  error: appError(code, fields),
})

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_CATALOGUE, value)
}

export function httpStatusOf(code: ErrorCode): number {
  return ERROR_CATALOGUE[code].status
}

/**
 * Thrown only inside the backend to unwind to the dispatcher, which turns it back into a value.
 * Services return Results; this exists so that deep helpers (store version checks) need no plumbing.
 */
export class AppFailure extends Error {
  constructor(readonly error: AppError) {
    super(error.code)
  }
}
