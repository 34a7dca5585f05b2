import type { Migration, MigrationProvider } from 'kysely/migration'
import { initialSchema } from './0001-initial-schema'
import { complaintIntake } from './0002-complaint-intake'
import { caseWorkflow } from './0003-case-workflow'
import { caseClocks } from './0004-case-clocks'
import { accessLog } from './0005-access-log'
import { caseFollowUp } from './0006-case-follow-up'
import { notifications } from './0007-notifications'
import { merchantRegistry } from './0008-merchant-registry'
import { notificationContacts } from './0009-notification-contacts'
import { deviceTokens } from './0010-device-tokens'
import { eventSignatures } from './0011-event-signatures'
import { keyChecks } from './0012-key-checks'
import { boardAndCounters } from './0013-board-and-counters'
import { staffBindings } from './0014-staff-bindings'
import { intakeChannels } from './0017-intake-channels'
import { fastTrackAndRewards } from './0018-fast-track-and-rewards'
import { consultations } from './0016-consultations'
import { clockPause } from './0015-clock-pause'
import { callbacks } from './0021-callbacks'
import { publicRecords } from './0022-public-records'
import { statsReadModel } from './0019-stats-read-model'
import { burstAlerts } from './0023-burst-alerts'
import { burstWatermark } from './0027-burst-watermark'
import { burstSettings } from './0030-burst-settings'
import { pendingLetters } from './0029-pending-letters'
import { letterDeliveries } from './0024-letter-deliveries'
import { tags } from './0025-tags'
import { tagCube } from './0031-tag-cube'
import { siteLessCubes } from './0032-site-less-cubes'
import { exportFiles } from './0033-export-files'
import { repeatCounters } from './0034-repeat-counters'

// Listed in code (not read from a folder) so that esbuild bundles them into each cloud function.
// Numbers 0020, 0026 and 0028 were handed out and never used: never use them now. Kysely's migrator
// refuses a migration that sorts before one a database has already run, so a new one takes the next
// number after the highest (0031 next).
const MIGRATIONS: Record<string, Migration> = {
  '0001-initial-schema': initialSchema,
  '0002-complaint-intake': complaintIntake,
  '0003-case-workflow': caseWorkflow,
  '0004-case-clocks': caseClocks,
  '0005-access-log': accessLog,
  '0006-case-follow-up': caseFollowUp,
  '0007-notifications': notifications,
  '0008-merchant-registry': merchantRegistry,
  '0009-notification-contacts': notificationContacts,
  '0010-device-tokens': deviceTokens,
  '0011-event-signatures': eventSignatures,
  '0012-key-checks': keyChecks,
  '0013-board-and-counters': boardAndCounters,
  '0014-staff-bindings': staffBindings,
  '0017-intake-channels': intakeChannels,
  '0018-fast-track-and-rewards': fastTrackAndRewards,
  '0016-consultations': consultations,
  '0015-clock-pause': clockPause,
  '0021-callbacks': callbacks,
  '0022-public-records': publicRecords,
  '0019-stats-read-model': statsReadModel,
  '0023-burst-alerts': burstAlerts,
  '0024-letter-deliveries': letterDeliveries,
  '0025-tags': tags,
  '0027-burst-watermark': burstWatermark,
  '0029-pending-letters': pendingLetters,
  '0030-burst-settings': burstSettings,
  '0031-tag-cube': tagCube,
  '0032-site-less-cubes': siteLessCubes,
  '0033-export-files': exportFiles,
  '0034-repeat-counters': repeatCounters,
}

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
}
