import { defineFunction } from '../../runtime/define-function'
import { getStaffMe, getStationBoard } from '../../services/station-board'

export const stationFunction = defineFunction('station', {
  me: (_input, ctx) => getStaffMe(ctx),
  listCases: (_input, ctx) => getStationBoard(ctx),
})
