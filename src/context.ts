// What every service gets: the database, the data protector (SM4/SM3 with the
// data key), the clock and the settings. Built once at start-up (main.ts, the
// CLI, or a test) and handed to the app.
import type { Kysely } from 'kysely';
import type { DB } from './db/schema.ts';
import type { DatabaseKind } from './db/database.ts';
import type { Config } from './config.ts';
import type { Clock } from './core/dates.ts';
import type { DataProtector } from './core/crypto.ts';


export interface AppContext {
  db: Kysely<DB>;
  dbKind: DatabaseKind;
  config: Config;
  protector: DataProtector;
  clock: Clock;
}
