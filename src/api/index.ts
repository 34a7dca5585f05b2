// The app's only way to the back end. Pages import from here.
export { call } from './call'
export { login, logout } from './session'
export type { StaffSession } from './session.schema'
