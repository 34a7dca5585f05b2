// The exports and reports page beside the statistics (issue 18; src/pages/station/reports/, another
// helper's page): linked from here as 「导出与报表」.
export const REPORTS_PAGE = '/pages/station/reports/index'
