import type { CheckInLocation } from '../../src/domain/workflow/fast-track'

/** Where a fast-track check-in was made, beside its event (the event itself carries no location). */
export interface OnSiteCheckIn {
  caseId: string
  eventId: string
  /** the staff account (or clerk subject) that checked in */
  actorId: string
  at: string
  location: CheckInLocation
}

// Locations are sealed at rest by the adapter (as personal data is) and read only by the station of
// the case's site: a staff member's position is nobody else's business.
export interface OnSiteStore {
  recordCheckInLocation(entry: OnSiteCheckIn): Promise<void>
  listCheckInLocations(caseId: string): Promise<OnSiteCheckIn[]>
}
