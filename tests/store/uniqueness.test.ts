import { openCloudbaseTestStore } from '../support/cloudbase-test-store'
import { openTestStore } from '../support/test-deps'
import { uniquenessContract } from './uniqueness.contract'

// The SQL schema's unique indexes and the document store's guard documents, held to one behaviour.
uniquenessContract('Kysely on PGlite', openTestStore)
uniquenessContract('CloudBase document database (loopback)', openCloudbaseTestStore)
