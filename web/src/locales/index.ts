// Every area's words. An area adds `web/src/locales/<area>.ts` exporting
// `{ zh, en }` (en typed as Record<keyof typeof zh, string>, so a missing
// English word fails the type check) and spreads it in here (imports without the .ts ending, as elsewhere in web/).
import membership from './membership';
import stats from './stats';

export const AREA_ZH = { ...membership.zh, ...stats.zh };
export const AREA_EN = { ...membership.en, ...stats.en };
