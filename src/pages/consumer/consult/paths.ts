// The consultation pages' paths (app.config.ts): the consumer's in the main package, the station's in its subpackage.
export const CONSULT_PAGE = '/pages/consumer/consult/index'
export const STATION_CONSULTS_PAGE = '/pages/station/consult/index'
export const STATION_CONSULT_REPLY_PAGE = '/pages/station/consult/reply/index'
