// Numbered migrations, applied in order at start-up.
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as m0001 from './migrations/0001_platform.ts';
import * as m0002 from './migrations/0002_membership.ts';
import * as m0003 from './migrations/0003_attachments.ts';

const migrations: Record<string, Migration> = {
  '0001_platform': m0001,
  '0002_membership': m0002,
  '0003_attachments': m0003,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider, migrationTableName: 'schema_migration', migrationLockTableName: 'schema_migration_lock' });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`数据库迁移失败${failed ? ` (${failed.migrationName})` : ''}: ${(error as Error).message ?? error}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
