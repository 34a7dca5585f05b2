import type { HolidayTable } from '../../src/domain/calendar/holiday-table'
import type { Caller } from '../../src/domain/identity'
import type { ChainAnchors, ChainSigner } from '../ports/chain'
import type { ExportBin, ExportOutlet } from '../ports/export-outlet'
import type { FileLinks } from '../ports/file-links'
import type { FileStore, LinkSigner } from '../ports/files'
import type { Images } from '../ports/media'
import type { Store } from '../ports/store'
import type { SpeechToText } from '../ports/speech'
import type { Clock, Ids, Secrets } from '../ports/system'
import type { UploadedObjects } from '../ports/uploaded-objects'

/** Everything a use case may touch from the outside world, passed in — never imported. */
export interface Deps {
  store: Store
  clock: Clock
  ids: Ids
  secrets: Secrets
  files: FileStore
  /** signs and checks the host's /files/<token> links (the local host serves those) */
  links: LinkSigner
  /** the links a case page hands out: signed /files/ paths locally, temporary URLs in CloudBase */
  fileLinks: FileLinks
  /** what the mini-program uploaded to cloud storage itself, before consumer.registerUpload */
  uploads: UploadedObjects
  /** the State Council calendar (plus overrides) the working-day clocks count on */
  calendar: HolidayTable
  /** server-side voice to text (Tencent ASR when configured; otherwise "unavailable") */
  speech: SpeechToText
  /** photos decoded and encoded again without metadata (sharp, loaded on first use) */
  images: Images
  /** signs every event and the daily heads with CHAIN_KEY (a key the database does not hold) */
  chainSigner: ChainSigner
  /** where the daily heads of the chains are written: an append-only file locally, the log in CloudBase */
  chainAnchors: ChainAnchors
  /** where a cloud function leaves an export for download (CloudBase storage); absent on the local host, which streams */
  exportOutlet?: ExportOutlet
  /** where made exports are deleted from (every CloudBase function, for the tick's sweep); absent on the local host */
  exportBin?: ExportBin
}

export interface ServiceContext {
  caller: Caller
  deps: Deps
}

/** The one page size lists use until paging reaches the UI. */
export const DEFAULT_PAGE = { limit: 50, offset: 0 } as const
