import { openTestStore } from '../support/test-deps'
import { storeContract } from './store.contract'
import { merchantRegistryContract } from './merchant-registry.contract'

storeContract('Kysely on PGlite', openTestStore)
merchantRegistryContract('Kysely on PGlite', openTestStore)
