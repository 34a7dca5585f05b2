import { useEffect, useRef, useState } from 'react'
import { call } from '../api'
import type { MerchantRecord } from '../domain/merchant/merchant-record'

// The station's shop list shows each shop's record, but listMerchants carries none: ask for the
// shops on screen only (a page of ~20), a few at a time, and remember what came back. A shop whose
// record fails to load just shows no numbers; the list itself never waits for them.
const PARALLEL = 3

export function useMerchantRecords(merchantIds: readonly string[]): Record<string, MerchantRecord> {
  const [records, setRecords] = useState<Record<string, MerchantRecord>>({})
  const asked = useRef(new Set<string>())
  const key = merchantIds.join(',')

  useEffect(() => {
    let live = true
    const askedIds = asked.current // one Set for the hook's life
    const queue = merchantIds.filter((id) => !askedIds.has(id))
    queue.forEach((id) => askedIds.add(id))
    const worker = async () => {
      for (let id = queue.shift(); id !== undefined && live; id = queue.shift()) {
        const result = await call('registry', 'getMerchant', { merchantId: id })
        if (!live) {
          askedIds.delete(id) // the answer is dropped: ask again when shown again
          return
        }
        if (result.ok) setRecords((all) => ({ ...all, [id]: result.data.record }))
        else askedIds.delete(id) // try again next time the shop is shown
      }
    }
    for (let i = 0; i < PARALLEL; i++) void worker()
    return () => {
      live = false
      queue.forEach((id) => askedIds.delete(id)) // not fetched: ask again when shown again
    }
    // `key` stands for the ids' content; a new array with the same ids must not restart the queue.
    // askedIds is one Set for the hook's life (not a DOM node), so the cleanup sees the same one.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
  }, [key])
  return records
}
