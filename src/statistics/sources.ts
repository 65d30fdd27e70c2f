// Every area's figures. Importing this module registers them all; an area adds
// its `*.figures.ts` here.
import '../membership/membership.figures.ts';

export { FIGURE_SOURCES, type Figure, type FigureQuery, type FigureSource } from './figures.ts';
