// The limits of an export made in a cloud function (docs/cloud-exports.md), in a file of their own so
// that the mini-program's page can say them without carrying the action schemas.

/** Cases per file in the cloud: a cloud function holds the file in memory and has a time limit. */
export const CLOUD_EXPORT_MAX_ROWS = 2000

/** How long the answered link opens the file. */
export const CLOUD_EXPORT_LINK_MINUTES = 10
