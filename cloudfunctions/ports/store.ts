import type { PublicRecordsStore } from './public-records-store'
import type { StatsStore } from './stats-store'
import type { Case, CaseEvent, OutboxMessage } from '../../src/domain/case.schema'
import type { CaseClock } from '../../src/domain/clocks/case-clock'
import type { Evidence } from '../../src/domain/evidence.schema'
import type { Merchant } from '../../src/domain/merchant.schema'
import type { Site } from '../../src/domain/site.schema'
import type { WorkflowState } from '../../src/domain/workflow/state-machine'
import type { BoardStore } from './board-store'
import type { CallbackSampleWrite, CallbackStore } from './callback-store'
import type { BurstStore } from './burst-store'
import type { LetterStore } from './letter-store'
import type { ExportFileStore } from './export-file-store'
import type { TagStore } from './tag-store'
import type { OnSiteStore } from './on-site-store'
import type { ReportRewardStore } from './report-reward-store'
import type { ConsultationStore } from './consultation-store'
import type { NewCase } from './case-numbering'
import type { MerchantRegistryStore } from './merchant-registry-store'
import type { NotificationContactStore } from './notification-contacts'
import type { NotificationStore } from './notification-store'
import type { Membership, StaffAccount, StaffSession } from './records'
import type { StaffBindingStore } from './staff-bindings'

// The store speaks the domain. Every method is something a document database can do with single-
// collection queries (no joins). A few writes touch several documents and must land together; the
// adapter makes each atomic (a SQL transaction; in CloudBase a runTransaction of single-document
// operations): createCase (case + first event + clocks + outbox), applyChange (case + event + clocks
// + outbox + evidence claims), advanceClock (clock + alert outbox rows), and in the notification store
// deliverToInbox (delivery record + inbox entry + outbox progress). See docs/architecture.md.

export interface PageRequest {
  limit: number
  offset: number
}

export interface DirectoryStore {
  saveSite(site: Site): Promise<void>
  getSite(id: string): Promise<Site | null>
  /** Every site, by name (an administrator's list; a deployment has tens, not thousands). */
  listSites(): Promise<Site[]>
  saveMerchant(merchant: Merchant): Promise<void>
  getMerchant(id: string): Promise<Merchant | null>
  findMerchantByCode(code: string): Promise<Merchant | null>
  listMerchantsOfSite(siteId: string): Promise<Merchant[]>
  /** Shops whose name contains the text (all shops when empty), by name, at most `limit`. */
  searchMerchants(text: string, limit: number): Promise<Merchant[]>
}

/** A browser token the host issued: whose it is, and whether it was rotated away. */
export interface DeviceToken {
  subject: string
  /** set once the token was replaced; it then identifies nobody, except for one replay (retiredFor) */
  retiredAt: string | null
  /** the digest of the one idempotency key the retired token may still replay */
  retiredFor: string | null
}

/** Devices, clerks' bindings, staff accounts, their sessions and their OPENID bindings (staff-bindings.ts). */
export interface IdentityStore extends StaffBindingStore {
  /** Remember that a device subject exists (idempotent). */
  recordDevice(subject: string, at: string): Promise<void>
  /** The subject a browser token (by its hash) was issued for, or null for a token we never issued. */
  findDeviceToken(tokenHash: string): Promise<DeviceToken | null>
  /** A newly issued token for a subject (a new device, or a rotation's replacement). */
  issueDeviceToken(tokenHash: string, subject: string, at: string): Promise<void>
  /**
   * Replace a token with another for the same subject in one step: the old one is retired (kept so a
   * lost receipt can be replayed once, see retiredFor), the new one issued.
   */
  rotateDeviceToken(oldHash: string, newHash: string, at: string, retiredFor: string | null): Promise<void>
  saveMembership(membership: Membership): Promise<void>
  listActiveMembershipsOf(subject: string): Promise<Membership[]>
  saveStaff(account: StaffAccount): Promise<void>
  findStaffByUsername(username: string): Promise<StaffAccount | null>
  getStaff(id: string): Promise<StaffAccount | null>
  /** Every staff account, by username (an administrator's list). */
  listStaffAccounts(): Promise<StaffAccount[]>
  createStaffSession(session: StaffSession): Promise<void>
  /** The session if it exists and has not expired at `now`. */
  findLiveStaffSession(tokenHash: string, now: string): Promise<StaffSession | null>
  deleteStaffSession(tokenHash: string): Promise<void>
}

/** Which uploaded files a new case takes, and whose uploads they must be. */
export interface EvidenceClaim {
  ids: string[]
  uploadedBy: string
}

export type CreateCaseOutcome = { created: true; case: Case } | { created: false; case: Case }

/** One step in a case's life: the new state, its event and the notifications it causes. */
export interface CaseChange {
  caseId: string
  /** the version the decision was made on; another change in between → CONCURRENT_UPDATE */
  expectedVersion: number
  /** with `siteId` when the step moves the case to another site (a transfer within the system, or its 退回) */
  next: WorkflowState & Pick<Case, 'updatedAt'> & Partial<Pick<Case, 'siteId'>>
  event: CaseEvent
  /** files the step attaches: claimed for the case like a filing's (the actor's own, unclaimed) */
  claim?: EvidenceClaim
  outbox: OutboxMessage[]
  /** clocks the step started or stopped */
  clocks: CaseClock[]
  /** staff corrected the industry line (所属行业) with this change; absent leaves it as it is */
  industry?: Case['industry']
  /** 回访抽查: the call-back item this step completes, written in the same transaction (ports/callback-store.ts) */
  callbackSample?: CallbackSampleWrite
}

export interface CaseStore {
  /** Next value of a named counter, starting at 1; safe under concurrency. */
  nextSequence(counter: string): Promise<number>
  /**
   * Store a new case with its first event and the notifications it causes, and claim its evidence
   * (files this filer uploaded and no case has claimed yet), all or nothing. When the same filer
   * already used the idempotency key, nothing is written and that case comes back. When any
   * evidence id cannot be claimed, nothing is written and AppFailure(EVIDENCE_NOT_FOUND) is thrown.
   * With `numbering`, the case number is drawn inside this same write, so neither outcome uses up a
   * number (no gaps from retries; see case-numbering.ts, also for the CloudBase transaction).
   */
  createCase(
    newCase: NewCase,
    firstEvent: CaseEvent,
    outbox: OutboxMessage[],
    evidence: EvidenceClaim,
    clocks?: CaseClock[],
  ): Promise<CreateCaseOutcome>
  findCaseByIdempotencyKey(filedBy: string, key: string): Promise<Case | null>
  /**
   * Write a change, its event, its outbox rows and its claim on files together, or nothing. Throws
   * AppFailure(CONCURRENT_UPDATE) when the case is no longer at `expectedVersion`, and
   * AppFailure(EVIDENCE_NOT_FOUND) when a file cannot be claimed.
   */
  applyChange(change: CaseChange): Promise<Case>
  getCase(id: string): Promise<Case | null>
  findCaseByNo(caseNo: string): Promise<Case | null>
  /** Newest first. */
  listCasesFiledBy(subject: string, page: PageRequest): Promise<Case[]>
  /** The shop's complaints, newest first. Never a report (举报): the shop must not learn one exists. */
  listCasesForMerchant(merchantId: string, page: PageRequest): Promise<Case[]>
  listCasesForSite(siteId: string, page: PageRequest): Promise<Case[]>
  listAllCases(page: PageRequest): Promise<Case[]>
  /** Oldest first, in sequence order. */
  listEvents(caseId: string): Promise<CaseEvent[]>
}

// The board's port (BoardStore, its query, rows and cursor) is in board-store.ts.

export interface EvidenceStore {
  saveEvidence(evidence: Evidence): Promise<void>
  getEvidence(id: string): Promise<Evidence | null>
  /** Oldest first. */
  listEvidenceOfCase(caseId: string): Promise<Evidence[]>
  /** What a subject uploaded at or after `since` (the upload quota, counted across hosts). */
  uploadsSince(subject: string, since: string): Promise<UploadTally>
  /** Files no case claimed, uploaded before `before`, oldest first (the cleanup job's work). */
  listUnclaimedEvidenceBefore(before: string, limit: number): Promise<Evidence[]>
  /** Delete the row if no case claimed it meanwhile; false when a case did (its bytes must stay). */
  deleteUnclaimedEvidence(id: string): Promise<boolean>
}

export interface UploadTally {
  count: number
  bytes: number
  /** the oldest upload counted: when it leaves the window, the quota frees up */
  oldestAt: string | null
}

/** Check values of the host's keys (HMAC(key, label)): which key the rows were written under. */
export interface KeyCheckStore {
  /** Record `checkValue` under `name` unless one is recorded already; the recorded one comes back. */
  keepKeyCheck(name: string, checkValue: string, at: string): Promise<string>
}

export interface ClockStore {
  listClocksOfCase(caseId: string): Promise<CaseClock[]>
  /** The clocks of several cases in one read (a board's page of cases, not one query per case). */
  listClocksOfCases(caseIds: readonly string[]): Promise<CaseClock[]>
  /** Clocks whose next check is at or before `instant`, earliest first: the tick's whole workload. */
  findClocksDueBefore(instant: string, limit: number): Promise<CaseClock[]>
  /**
   * Move one clock on and queue its alerts, together — but only if nobody moved it since it was
   * read (its stage is still `fromStage`). Returns false when another tick got there first.
   */
  advanceClock(next: CaseClock, fromStage: CaseClock['stage'], alerts: OutboxMessage[]): Promise<boolean>
  /**
   * One batch of the tick as one unit of work: the clocks due at `instant` (earliest first, at most
   * `limit`) with what their alerts need of their cases, held so that a concurrent tick skips them
   * rather than waits or repeats them, each moved on by `step`, and every move written with its alerts
   * (and advanceClock's other effects) together. Answers how many were due and the steps written.
   * SQL: one read with the cases joined (FOR UPDATE SKIP LOCKED) and one transaction. CloudBase: the
   * clocks, then their cases by id (one call), then a runTransaction of the moves.
   */
  advanceDueClocks(instant: string, limit: number, step: (due: DueClock) => ClockStep): Promise<{ examined: number; written: ClockStep[] }>
}

/** What a clock's alerts need of its case: who hears about it. No personal data, nothing to decrypt. */
export type CaseAddressees = Pick<Case, 'id' | 'kind' | 'filedBy' | 'merchantId' | 'siteId'>

export interface DueClock {
  clock: CaseClock
  case: CaseAddressees
}

/** A clock moved on from `fromStage`, with the alerts that move queues. */
export interface ClockStep {
  next: CaseClock
  fromStage: CaseClock['stage']
  alerts: OutboxMessage[]
}

/** Who opened a case's personal data, when, and why. Append-only. */
export interface AccessEntry {
  id: string
  caseId: string
  viewer: { role: string; id: string }
  purpose: string
  at: string
}

export interface AccessLogStore {
  recordAccess(entry: AccessEntry): Promise<void>
}

export interface Store
  extends
    DirectoryStore,
    IdentityStore,
    CaseStore,
    BoardStore,
    EvidenceStore,
    KeyCheckStore,
    ClockStore,
    AccessLogStore,
    OnSiteStore,
    ReportRewardStore,
    MerchantRegistryStore,
    NotificationStore,
    NotificationContactStore,
    ConsultationStore,
    CallbackStore,
    PublicRecordsStore,
    BurstStore,
    LetterStore,
    ExportFileStore,
    TagStore,
    StatsStore {
  /**
   * Keep query plans right as data grows: refresh the planner's statistics (SQL ANALYZE). Called
   * after migrations and bulk loads, and hourly by the host's scheduler. A store that needs none
   * (PostgreSQL's autovacuum, a document database) may do nothing.
   */
  maintain(): Promise<void>
  close(): Promise<void>
}

export type { BoardCursor, BoardItem, BoardPage, BoardQuery, BoardStore, ClockSummary } from './board-store'
