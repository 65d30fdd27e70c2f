// Every area's figures. Importing this module registers them all; an area adds
// its `*.figures.ts` here.
import '../membership/membership.figures.ts';

export { FIGURE_SOURCES } from './figures.ts';
