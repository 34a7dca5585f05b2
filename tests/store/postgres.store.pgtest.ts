import { openPostgresTestStore } from '../support/postgres-test-db'
import { storeContract } from './store.contract'
import { boardContract } from './board.contract'
import { merchantRegistryContract } from './merchant-registry.contract'
import { notificationContactsContract } from './notification-contacts.contract'
import { deviceTokensContract } from './device-tokens.contract'

storeContract('Kysely on a PostgreSQL server', openPostgresTestStore)
boardContract('Kysely on a PostgreSQL server', openPostgresTestStore)
merchantRegistryContract('Kysely on a PostgreSQL server', openPostgresTestStore)
notificationContactsContract('Kysely on a PostgreSQL server', openPostgresTestStore)
deviceTokensContract('Kysely on a PostgreSQL server', openPostgresTestStore)
