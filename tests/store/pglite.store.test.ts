import { openTestStore } from '../support/test-deps'
import { storeContracts } from './all-contracts'

storeContracts('Kysely on PGlite', openTestStore)
