import { openCloudbaseTestStore } from '../support/cloudbase-test-store'
import { storeContracts } from './all-contracts'

// Work in progress (not matched by jest's testMatch until every part of the document store is in):
// npx jest --testMatch '**/cloudbase.store.wip.ts' -t '<words>'
storeContracts('CloudBase document database (loopback)', openCloudbaseTestStore)
