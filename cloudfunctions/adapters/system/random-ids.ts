import { randomUUID } from 'node:crypto'
import type { Ids } from '../../ports/system'

export const randomIds: Ids = { newId: () => randomUUID() }
