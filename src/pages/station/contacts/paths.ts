// The contacts page's path (a station subpackage page; linked from 时限设置).
export const CONTACTS_PAGE = '/pages/station/contacts/index'
