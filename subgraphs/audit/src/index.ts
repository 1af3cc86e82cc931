import type { SubgraphDefinition } from '@shareforyou/kit';
import { auditServiceModels, type AuditServiceModels } from './models';
import { auditResolvers } from './resolvers';

/** The audit service: its own database is the audit store; it has no feed and holds no patient slices. */
const audit: SubgraphDefinition<AuditServiceModels> = {
  name: 'audit',
  holdsPatientSlices: false,
  models: auditServiceModels,
  resolvers: auditResolvers,
};
export default audit;
