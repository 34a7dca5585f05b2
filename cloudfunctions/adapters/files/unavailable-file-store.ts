import { AppFailure, appError } from '../../../src/domain/errors'
import type { FileStore } from '../../ports/files'

// In CloudBase the evidence bytes belong in CloudBase storage (private bucket, short-lived links).
// That adapter has its own issue; until it exists a cloud function refuses file work with a coded
// error instead of writing to the container's throw-away disk.
const refuse = async (): Promise<never> => {
  throw new AppFailure(appError('INTERNAL'))
}

export const unavailableFileStore: FileStore = { put: refuse, get: refuse, remove: refuse }
