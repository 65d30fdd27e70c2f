// Each domain area's part of the demo data, run in order after the union tree,
// the accounts and the membership demo (employers, members) exist. An area adds
// its function to DEMO_PARTS.
import type { AppContext } from '../context.ts';
import type { Random } from './random.ts';

export interface DemoPartContext {
  ctx: AppContext;
  rnd: Random;
  /** Progress for the console. */
  say: (message: string) => void;
}

export type DemoPart = (p: DemoPartContext) => Promise<void>;

export const DEMO_PARTS: DemoPart[] = [
  // e.g. hardshipDemo (imported from '../hardship/hardship.demo.ts')
];
