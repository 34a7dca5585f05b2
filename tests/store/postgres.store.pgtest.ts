import { openPostgresTestStore } from '../support/postgres-test-db'
import { storeContracts } from './all-contracts'

storeContracts('Kysely on a PostgreSQL server', openPostgresTestStore)
