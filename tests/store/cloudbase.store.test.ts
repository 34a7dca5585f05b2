import { openCloudbaseTestStore } from '../support/cloudbase-test-store'
import { storeContracts } from './all-contracts'

// The whole store contract on the CloudBase document database: the adapter driving the real
// @cloudbase/node-sdk over HTTP against the loopback (tests/support/cloudbase-db/), in npm test.
storeContracts('CloudBase document database (loopback)', openCloudbaseTestStore)
