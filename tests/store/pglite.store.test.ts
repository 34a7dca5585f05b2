import { openTestStore } from '../support/test-deps'
import { storeContract } from './store.contract'

storeContract('Kysely on PGlite', openTestStore)
