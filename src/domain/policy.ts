import type { FunctionName } from './api/contract'
import type { Role } from './identity'

// Who may call which action: role × action. Deny by default — an action missing here cannot be
// called by anyone, and a test fails when the contract has an action this table does not name.
// Object-level rules (a merchant sees only its own shop, a consumer only their own cases) are
// enforced by the services on every read; the comment beside each row names that rule.
export const POLICY: Record<`${FunctionName}.${string}`, readonly Role[]> = {
  'inbox.list': ['consumer', 'merchant', 'station', 'regulator'], // only the inboxes the caller's role addresses (own subject / shops / site)
  'inbox.markRead': ['consumer', 'merchant', 'station', 'regulator'], // same boxes; other ids change nothing
  'inbox.recordSubscriptions': ['consumer', 'merchant'], // the caller's own tally
  'inbox.parked': ['station', 'regulator'], // station: own site's cases; regulator: all
  'inbox.requeue': ['station', 'regulator'], // same scope
  'consumer.getMerchantEntry': ['consumer'], // public shop facts only
  'consumer.submitComplaint': ['consumer'], // filedBy = the caller's subject
  'consumer.listMyCases': ['consumer'], // only cases filedBy the caller
  'consumer.searchMerchants': ['consumer'], // public shop facts only
  'consumer.extractText': ['consumer', 'proxy', 'station'], // the caller's own words back as proposals; nothing stored
  'consumer.getMyCase': ['consumer'], // CASE_NOT_FOUND unless filedBy the caller
  'consumer.lookupCase': ['consumer'], // case number + query code; personal data masked
  'consumer.applyReportReward': ['consumer'], // report number + query code; only a report closed with a violation found
  'consumer.reportRewardStatus': ['consumer'], // same pair; the decision only, nobody's details
  'consumer.transcribeAudio': ['consumer'], // only the caller's own recording
  'consumer.registerUpload': ['consumer'], // becomes the caller's own evidence; only objects under uploads/ are read (and deleted)
  'proxy.fileComplaint': ['proxy', 'station'], // filed for someone else; the helper is recorded
  'proxy.listMyFilings': ['proxy', 'station'], // only what this staff account filed (summaries: no personal data)
  'consumer.actOnMyCase': ['consumer'], // withdraw / accept or refuse an offer / rate, own cases only
  'merchant.getHome': ['merchant'], // only the caller's own shop
  'merchant.actOnCase': ['merchant'], // answer / check in, own shop's cases only
  'merchant.getCase': ['merchant'], // own shop's cases; complainant masked unless they opted in; never a reporter
  'merchant.redeemInvite': ['consumer'], // any device: the binding starts PENDING until the station approves
  'merchant.myMemberships': ['consumer'], // the caller's own bindings only
  'station.me': ['station', 'proxy', 'regulator', 'admin'], // who the signed-in (or bound) staff member is
  'station.listCases': ['station', 'regulator'], // station: own site; regulator: all sites
  'station.actOnCase': ['station', 'regulator'], // station: own site's cases; regulator: any
  'station.getCase': ['station', 'regulator'], // same scope as the board
  'station.getClockSettings': ['station', 'regulator'], // station: own site; regulator: the site it names
  'station.saveClockSettings': ['station', 'regulator'], // same scope
  // notification contacts: a station its own site's only (another site's contact answers CONTACT_NOT_FOUND);
  // a regulator any site, area or the deployment default. Targets never leave the server unmasked.
  'station.listNotificationContacts': ['station', 'regulator'],
  'station.saveNotificationContact': ['station', 'regulator'],
  'station.deleteNotificationContact': ['station', 'regulator'],
  // fast-track: own site's cases (regulator: any); the check-in only by the station account named for it
  'station.fastTrack': ['station', 'regulator'],
  'station.fastDispatch': ['station', 'regulator'],
  'station.staffCheckIn': ['station'],
  'station.fastTrackFeedback': ['station'],
  'station.fastTrackTeam': ['station'], // own site's station accounts
  'station.checkInLocations': ['station', 'regulator'], // locations are never shown to the shopper or the shop; access logged
  'station.concludeReport': ['station', 'regulator'],
  'station.getReportReward': ['station', 'regulator'], // the reporter's contact: access logged; never a merchant
  'station.decideReportReward': ['station', 'regulator'],
  'station.transferTargets': ['station', 'regulator'], // names of the other sites only
  'station.transferLetter': ['station', 'regulator'], // station: own site's cases; on record in the access log
  'station.verifyCase': ['station', 'regulator'], // station: own site's cases; regulator: any; each check on record in the access log
  'station.setIndustry': ['station', 'regulator'], // station: own site's cases (another site's: CASE_NOT_FOUND); regulator: any
  // 标签 (docs/tags.md): staff read and confirm a case's tags as they see the case (another site's: CASE_NOT_FOUND)
  'station.listTags': ['station', 'regulator'],
  'station.caseTags': ['station', 'regulator'],
  'station.confirmTags': ['station', 'regulator'],
  // consultations (咨询): a shopper their own (another's: CONSULTATION_NOT_FOUND); staff their site's; never a shop
  'consumer.consultSites': ['consumer'], // public site names only
  'consumer.askConsultation': ['consumer'], // filedBy = the caller's subject; anonymous unless they leave a contact
  'consumer.listMyConsultations': ['consumer'], // only consultations filedBy the caller
  'consumer.getMyConsultation': ['consumer'], // CONSULTATION_NOT_FOUND unless filedBy the caller
  'consumer.lookupConsultation': ['consumer'], // number + query code; the contact masked
  'consumer.linkConsultationCase': ['consumer'], // own converted consultation and own complaint only
  'station.listConsultations': ['station', 'regulator'], // station: own site; regulator: all sites
  'station.getConsultation': ['station', 'regulator'], // another site's: CONSULTATION_NOT_FOUND; the contact read is on record
  'station.answerConsultation': ['station', 'regulator'], // same scope
  'station.convertConsultation': ['station', 'regulator'], // same scope
  'station.consultationOfCase': ['station', 'regulator'], // the link back; null unless the caller may see the consultation
  // 回访抽查 and the review list (docs/callbacks.md): a station its own site (another: SITE_NOT_FOUND), a regulator the site it
  // names; the complainant's phone on callbackCase is on record in the access log
  // 突发消费事件 and 案例推荐 (docs/bursts-and-similar-cases.md): a station its own site's alerts and cases (another
  // site's: BURST_NOT_FOUND / CASE_NOT_FOUND), a regulator any; no personal data in any of the four answers
  'station.burstList': ['station', 'regulator'],
  'station.burstMessage': ['station', 'regulator'], // once per alert, to each complainant once, never to a shop
  'station.burstMediate': ['station', 'regulator'], // each case through actOnCase (escalate → 站内调解)
  'station.similarCases': ['station', 'regulator'],
  'station.burstSettings': ['station', 'regulator', 'admin'], // K and window: station its own site (another: SITE_NOT_FOUND); others the site named
  'station.saveBurstSettings': ['station', 'regulator', 'admin'], // same scope; reversible, so no confirmation
  'station.callbackList': ['station', 'regulator'],
  'station.callbackCase': ['station', 'regulator'],
  'station.callbackAttempt': ['station', 'regulator'],
  'station.callbackComplete': ['station', 'regulator'], // the return visit: never by the case's closer (RETURN_VISIT_BY_HANDLER)
  'station.callbackProgress': ['station', 'regulator'], // counts only
  'station.ratingReviews': ['station', 'regulator'],
  'station.reviewRating': ['station', 'regulator'], // another site's: REVIEW_NOT_FOUND
  // the registry: a station its own site's shops (another site's answer MERCHANT_NOT_FOUND); a regulator or an administrator any site it names
  'registry.listMerchants': ['station', 'regulator', 'admin'],
  'registry.getMerchant': ['station', 'regulator', 'admin'],
  'registry.saveMerchant': ['station', 'regulator', 'admin'],
  'registry.importMerchantsCsv': ['station', 'regulator', 'admin'],
  'registry.issueInvite': ['station', 'regulator', 'admin'],
  'registry.withdrawInvite': ['station', 'regulator', 'admin'],
  'registry.listMembers': ['station', 'regulator', 'admin'], // subjects masked
  'registry.decideMember': ['station', 'regulator', 'admin'],
  'registry.revokeMember': ['station', 'regulator', 'admin'], // cuts access on the clerk's very next call
  'registry.posterData': ['station', 'regulator', 'admin'],
  'registry.miniCode': ['station', 'regulator', 'admin'],
  'registry.inviteMiniCode': ['station', 'regulator', 'admin'], // the invite's own shop in scope, and its code
  // staff identity (issue 15): any OPENID may try to bind (by a code or a password); the account decides the roles
  'staff.bindByCode': ['consumer'],
  'staff.bindByPassword': ['consumer'], // locked out after repeated failures, as the desk's sign-in
  'staff.myBindings': ['station', 'proxy', 'regulator', 'admin'], // the caller's own account's bindings only
  'staff.unbindMine': ['station', 'proxy', 'regulator', 'admin'], // same
  // binding codes and bindings: an administrator any account's; a station its own site's station and proxy accounts
  // (another's answer STAFF_NOT_FOUND)
  'staff.issueBindingCode': ['admin', 'station'],
  'staff.bindingMiniCode': ['admin', 'station'], // same reach as issueBindingCode
  'staff.listBindings': ['admin', 'station'],
  'staff.unbind': ['admin', 'station'], // counts on the unbound person's next call
  // provisioning: an administrator creates sites and staff accounts (shops: the registry); never a case's contents
  'staff.listSites': ['admin'],
  'staff.saveSite': ['admin'],
  'staff.listStaff': ['admin', 'station'], // a station: its own site's station and proxy accounts only
  'staff.createStaff': ['admin'],
  'staff.setStaffDisabled': ['admin'],
  'staff.listAllTags': ['admin'], // 标签管理: every tag, disabled ones too
  'staff.saveTag': ['admin'], // add, rename, change phrases, disable / enable
  // 统计 (issue 18, docs/statistics-page.md): counts only, never a case. A station its own site (another: SITE_NOT_FOUND);
  // a district regulator its site; a city regulator and an administrator every site or the one named
  'station.stats': ['station', 'regulator', 'admin'],
  'station.saveStatsQuery': ['station', 'regulator', 'admin'], // owner = the caller's staff id
  'station.listStatsQueries': ['station', 'regulator', 'admin'], // the caller's own only
  'station.deleteStatsQuery': ['station', 'regulator', 'admin'], // another's: STATS_QUERY_NOT_FOUND
  // 投诉信息公示 (docs/public-records.md): the page is public — any caller, no personal data, no free text
  'consumer.publicRecords': ['consumer', 'merchant', 'station', 'proxy', 'regulator', 'admin'],
  'merchant.fileObjection': ['merchant'], // own shop only (another shop's: MERCHANT_NOT_FOUND)
  'merchant.myObjections': ['merchant'], // own shop only
  'merchant.letterSummary': ['merchant'], // own shop only (another shop's: MERCHANT_NOT_FOUND); complaints only, never a report
  'station.recordLetterDelivery': ['station'], // own site's shops only (another's: MERCHANT_NOT_FOUND)
  'station.listLetterDeliveries': ['station', 'regulator'], // station: own site's shops; regulator: its site or all
  'station.listPendingLetters': ['station'], // 待送达建议书 of the own site only
  'station.letterPdf': ['station', 'regulator', 'admin'], // as GET /export/letter.pdf: the statistics scope (another site's shop: MERCHANT_NOT_FOUND)
  // 导出与报表 in CloudBase (docs/cloud-exports.md): services/exports/export-scope.ts decides per site and kind
  'station.exportSites': ['station', 'regulator', 'admin'], // own site, or every site for those without one
  'station.exportCases': ['station', 'regulator'], // own site (regulator: its site or any); complainant masked unless asked, then logged per case
  'station.exportStats': ['station', 'regulator', 'admin'], // the statistics scope (services/stats-query.ts)
  'station.monthlyReport': ['station', 'regulator'], // names cases and quotes return visits: never an administrator
  'station.quarterlyReport': ['station', 'regulator', 'admin'], // figures only, the statistics scope
  'station.discardExport': ['station', 'regulator', 'admin'], // a file this caller was answered: its random name is the key
  'station.publicSettings': ['station', 'regulator', 'admin'], // station: own site (another: SITE_NOT_FOUND); others the site named
  'station.savePublicThreshold': ['station', 'regulator', 'admin'], // same scope
  'station.listObjections': ['station', 'regulator'], // station: own site; regulator: the site named
  'station.decideObjection': ['station', 'regulator'], // station: own site's objections (another's: OBJECTION_NOT_FOUND)
}

export function isAllowed(fn: FunctionName, action: string, roles: readonly Role[]): boolean {
  const key = `${fn}.${action}` as const
  const allowed = Object.prototype.hasOwnProperty.call(POLICY, key) ? POLICY[key] : undefined
  return !!allowed && roles.some((role) => allowed.includes(role))
}
