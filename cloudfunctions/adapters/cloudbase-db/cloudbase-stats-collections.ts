import type { CollectionSpec } from './cloudbase-resources'
import { COLLECTIONS, type CollectionName } from './collection-names'

// The statistics' collections with their indexes (cloudbase-stats-store.ts): part of the manifest in
// cloudbase-resources.ts, whose rules apply (equality fields first, then ranges and the sort, _id last).
export const STATS_COLLECTIONS = {
  [COLLECTIONS.statsCube]: {
    indexes: [
      {
        name: 'cube_site_day',
        keys: [
          ['cube', 'asc'],
          ['site', 'asc'],
          ['day', 'asc'],
        ],
        serves: "sumCube, rankShops, monthTopShops and countRepeats (shops) of a station's sites (cube, site in […], day range)",
      },
      {
        name: 'cube_day',
        keys: [
          ['cube', 'asc'],
          ['day', 'asc'],
        ],
        serves: "the same of every site (a regulator's: cube, day range; a line's or month's ranking filters the range it reads)",
      },
    ],
  },
  [COLLECTIONS.statsFilers]: {
    indexes: [
      {
        name: 'site_day',
        keys: [
          ['site', 'asc'],
          ['day', 'asc'],
          ['_id', 'asc'],
        ],
        serves: 'countRepeats (complainants), listFilerRows',
      },
      {
        name: 'day',
        keys: [
          ['day', 'asc'],
          ['_id', 'asc'],
        ],
        serves: 'the same of every site',
      },
    ],
  },
  [COLLECTIONS.statsRepeats]: { indexes: [] }, // by _id: repeat tallies and counters (cloudbase-stats-repeat-counters.ts)
  [COLLECTIONS.statsContributions]: { indexes: [] }, // by _id (the case)
  [COLLECTIONS.statsPending]: {
    indexes: [
      {
        name: 'marked',
        keys: [
          ['markedAt', 'asc'],
          ['_id', 'asc'],
        ],
        serves: 'listStatsPending',
      },
    ],
  },
  [COLLECTIONS.statsMeta]: { indexes: [] }, // by _id
  [COLLECTIONS.statsQueries]: {
    indexes: [
      {
        name: 'owner_name',
        keys: [
          ['ownerId', 'asc'],
          ['name', 'asc'],
          ['_id', 'asc'],
        ],
        serves: 'listStatsQueries, deleteStatsQuery',
      },
    ],
  },
} satisfies Partial<Record<CollectionName, CollectionSpec>>
