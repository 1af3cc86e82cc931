/** Every record panel: importing this (or the built panels.js) defines the custom elements. */
export { EmergencySummaryPanel } from './emergencySummary';
export { DemographicsPanel } from './demographics';
export { MedicationsPanel } from './medications';
export { AllergiesPanel } from './allergies';
export { ProblemsPanel } from './problems';
export { ImmunisationsPanel } from './immunisations';
export { EncountersPanel } from './encounters';
export { ResultsPanel } from './results';
export { DocumentsPanel } from './documents';
export { MentalHealthPanel } from './mentalHealth';
export { CommunityPanel } from './community';
export { SocialCarePanel } from './socialCare';
export { AccessHistoryPanel } from './accessHistory';
export type { TokenProvider } from '../client/gateway';
