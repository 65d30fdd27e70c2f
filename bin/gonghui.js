#!/usr/bin/env node
// The gonghui command. Runs the TypeScript sources through tsx, so the tool
// works straight after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
