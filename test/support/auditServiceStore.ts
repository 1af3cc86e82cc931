import type { Connection } from 'mongoose';
import { registryAccessModels } from '../../subgraphs/kit/src/access/registryRecords';
import { auditServiceModels, type AuditServiceModels } from '../../subgraphs/audit/src/models';
import { openDatabase } from '../../subgraphs/kit/src/database';
import { closeDatabases, database } from './clients';
import { testDatabaseUri } from './stackInfo';

/**
 * An audit service's store of its own for an integration test, opened as the service opens it (every
 * read carries the database time limit, the kit's plugin), empty, with a registry beside it; close()
 * drops both. `name` keeps tests that run at once apart.
 */
export async function openAuditServiceStore(name: string): Promise<{ models: AuditServiceModels; close: () => Promise<void> }> {
  const previousUri = process.env.MONGODB_URI;
  process.env.MONGODB_URI = testDatabaseUri();
  const audit: Connection = await openDatabase(`${name}_test`);
  const registry = (await database('registry')).useDb(`${name}_registry_test`);
  await Promise.all([audit.dropDatabase(), registry.dropDatabase()]);
  const models = auditServiceModels({ own: audit, registry, access: registryAccessModels(registry), slices: null });
  return {
    models,
    close: async () => {
      await Promise.all([audit.dropDatabase(), registry.dropDatabase()]);
      await audit.close();
      await closeDatabases();
      if (previousUri === undefined) delete process.env.MONGODB_URI;
      else process.env.MONGODB_URI = previousUri;
    },
  };
}
