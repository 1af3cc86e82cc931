import { runSubgraph } from '@shareforyou/kit';
import { auditServiceModels } from './models';
import { auditResolvers } from './resolvers';

// The audit service's own database is the audit store; it has no feed and holds no patient slices.
runSubgraph({
  name: 'audit',
  holdsPatientSlices: false,
  models: auditServiceModels,
  resolvers: auditResolvers,
});
