/**
 * Deterministic synthetic data: FHIR R4 (UK Core style) Bundles per contributing organisation.
 *
 *   for (const feed of generateFeeds({ patients: 10_000, seed: 2026 })) { ... }
 *
 * Same seed and patient index → byte-identical output, whatever else is generated. Patient indexes
 * 0..4 are the demo patients (`demoPatients`). Everything is synthetic: NHS numbers in the 999
 * test range, phone numbers in Ofcom's drama ranges, made-up names and addresses.
 */

export { generateFeeds, generatePatient, generatePatients } from './feeds';
export { generateFullHistory } from './fullHistory';
export type { FullHistory } from './fullHistory';
export type { Feed, FeedTarget, GenerateOptions, SyntheticPatient } from './feeds';
export { demoPatients } from './demoPatients';
export type { DemoPatient } from './demoPatients';
export { syntheticNhsNumber } from './nhsNumbers';
export { nhsNumberOf } from './fhir';
export { REFERENCE_INSTANT } from './clock';
export { SYSTEMS } from './terminology';
