/**
 * The demo patients as the rest of the repo sees them: who they are, their story, and which
 * organisations hold data about them (taken from their generated feeds, so it cannot drift).
 */

import { demoStories } from './demo';
import { generatePatient } from './feeds';

export interface DemoPatient {
  index: number;
  nhsNumber: string;
  name: string;
  birthDate: string;
  /** One or two sentences a clinician can read. */
  story: string;
  /** ODS codes of the organisations holding data about the patient, GP practice first. */
  involved: string[];
}

export const demoPatients: readonly DemoPatient[] = Object.freeze(
  demoStories.map((s) => {
    const p = generatePatient(s.index);
    return Object.freeze({ index: s.index, nhsNumber: p.nhsNumber, name: s.name, birthDate: p.birthDate, story: s.story, involved: p.involved });
  }),
);
