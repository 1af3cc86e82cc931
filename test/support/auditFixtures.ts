import type { AuditEventContent } from '@shareforyou/kit';
import { MARGARET } from './clients';

/** An event for a fixture chain the tamper tests write and then damage (never a real look). */
export const fixtureLook = (requestId: string, subgraph = 'gp', userId = 'audit-test-tamper'): AuditEventContent => ({
  requestId,
  at: new Date(),
  subgraph,
  operationName: null,
  user: { id: userId, name: 'T', odsCode: 'P83005', jobRole: 'R8000', profile: 'clinical' },
  nhsNumber: MARGARET(),
  viewed: ['Patient.allergies'],
  denials: [],
  categories: ['allergies'],
  denied: false,
  breakGlass: null,
  detail: null,
});
