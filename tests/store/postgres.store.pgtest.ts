import { openPostgresTestStore } from '../support/postgres-test-db'
import { storeContract } from './store.contract'
import { merchantRegistryContract } from './merchant-registry.contract'

storeContract('Kysely on a PostgreSQL server', openPostgresTestStore)
merchantRegistryContract('Kysely on a PostgreSQL server', openPostgresTestStore)
