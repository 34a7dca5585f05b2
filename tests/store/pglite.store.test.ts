import { openTestStore } from '../support/test-deps'
import { storeContract } from './store.contract'
import { boardContract } from './board.contract'
import { merchantRegistryContract } from './merchant-registry.contract'
import { notificationContactsContract } from './notification-contacts.contract'
import { deviceTokensContract } from './device-tokens.contract'

storeContract('Kysely on PGlite', openTestStore)
boardContract('Kysely on PGlite', openTestStore)
merchantRegistryContract('Kysely on PGlite', openTestStore)
notificationContactsContract('Kysely on PGlite', openTestStore)
deviceTokensContract('Kysely on PGlite', openTestStore)
