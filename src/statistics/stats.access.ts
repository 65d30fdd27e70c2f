// Route access: statistics and the work report.
import { T } from '../../test/support/app.ts';
import type { AccessArea } from '../../test/support/access.ts';

const period = 'from=2025-01-01&to=2025-12-31';

export const statsAccess: AccessArea = {
  name: 'statistics',
  cases: {
    'GET /api/stats/summary': { inside: () => ({ url: `/api/stats/summary?orgId=${T.dinghai}&${period}` }), outside: () => ({ url: `/api/stats/summary?orgId=${T.huzhou}&${period}` }) },
    'GET /api/stats/dashboard': { inside: () => ({ url: `/api/stats/dashboard?orgId=${T.dinghai}&${period}` }), outside: () => ({ url: `/api/stats/dashboard?orgId=${T.huzhou}&${period}` }) },
    'GET /api/stats/breakdown': { inside: () => ({ url: `/api/stats/breakdown?orgId=${T.dinghai}&${period}&key=membership.members` }), outside: () => ({ url: `/api/stats/breakdown?orgId=${T.huzhou}&${period}&key=membership.members` }) },
    'GET /api/stats/trend': { inside: () => ({ url: `/api/stats/trend?orgId=${T.dinghai}&${period}&key=membership.members` }), outside: () => ({ url: `/api/stats/trend?orgId=${T.huzhou}&${period}&key=membership.members` }) },
    'GET /api/reports/work-report': { inside: () => ({ url: `/api/reports/work-report?orgId=${T.dinghai}&${period}` }), outside: () => ({ url: `/api/reports/work-report?orgId=${T.huzhou}&${period}` }) },
    'GET /api/reports/files/:id': { inside: () => ({ url: '/api/reports/files/00000000-0000-4000-8000-000000000000' }) },
  },
};
