// The privacy notice shown before anything personal is sent. Its version is stored with each case;
// changing the text means a new version, and the function refuses submissions agreed to an older one.
export const CONSENT_VERSION = '2026-11-v1'

export const CONSENT_TITLE = '个人信息告知'

export const CONSENT_TEXT = [
  '您填写的姓名、手机号码和地址只用于处理本次投诉举报，依法保存，到期删除。',
  '除非您选择同意，商家只能看到隐去部分号码的手机号（如138****5678）；举报人的信息不会提供给被举报的商家。',
  '工作人员每次查看您的个人信息都会留下记录。',
  '证据照片在保存前会去除拍摄地点等附带信息。',
]

export const CONSENT_MODES = ['self', 'read_aloud'] as const // agreed on one's own phone / read aloud by a helper
export type ConsentMode = (typeof CONSENT_MODES)[number]
