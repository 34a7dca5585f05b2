import { openPostgresTestStore } from '../support/postgres-test-db'
import { storeContract } from './store.contract'

storeContract('Kysely on a PostgreSQL server', openPostgresTestStore)
