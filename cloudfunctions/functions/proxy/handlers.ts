import { defineFunction } from '../../runtime/define-function'
import { fileForSomeone, listMyFilings } from '../../services/proxy-filing'

export const proxyFunction = defineFunction('proxy', {
  fileComplaint: ({ attestation: _attested, intake, ...input }, ctx) => fileForSomeone(ctx, input, intake),
  listMyFilings: (_input, ctx) => listMyFilings(ctx),
})
