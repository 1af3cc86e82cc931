import { CombinedFamilyHistoryDocument, type CombinedFamilyHistoryQuery } from '../generated/graphql';
import { RecordPanel, type Section } from './recordPanel';
import { col } from './columns';
import { statusWords } from './statusWords';
import { eachSourceSays, firstDate, nameCol, sourcesCol, sourcesStatusCol, combinedSection } from './combinedColumns';

const status = (i: { status?: string | null }) => statusWords(i.status);

interface Condition {
  code?: { display?: string | null; text?: string | null } | null;
  outcome?: { display?: string | null; text?: string | null } | null;
  contributedToDeath?: boolean | null;
  onset?: { start?: string | null; age?: string | null; text?: string | null } | null;
}

/** One relative's condition in words: "Ischaemic heart disease (onset at 52 years; contributed to death)". */
export const conditionWords = (c: Condition) => {
  const name = c.code?.display ?? c.code?.text ?? 'Condition not named';
  const onset = c.onset?.age ?? c.onset?.text ?? c.onset?.start;
  const notes = [onset ? `onset ${c.onset?.age ? 'at ' : ''}${onset}` : '', c.outcome?.display ?? c.outcome?.text ?? '', c.contributedToDeath ? 'contributed to death' : ''].filter(Boolean);
  return notes.length ? `${name} (${notes.join('; ')})` : name;
};

/** The combined advance decisions' columns, shared with the emergency summary. */
export const advanceDecisionColumns = [
  nameCol('Decision', (a) => a.scope),
  col('Refuses or permits', (a) => eachSourceSays(a, (s) => [s.provisionType === 'deny' ? 'Refuses' : s.provisionType === 'permit' ? 'Permits' : '', ...(s.provisionCodes ?? []).map((c: { display?: string | null; text?: string | null }) => c.display ?? c.text)].filter(Boolean).join(': '))),
  sourcesStatusCol(status),
  col('Made', (a) => firstDate(a, (s) => s.dateTime)),
  sourcesCol(status),
];

/**
 * <sfy-combined-family-history nhs-number="..."> — fields in combinedFamilyHistory.graphql. Three
 * sections of the summary: family history (each relative's health, never the patient's own
 * problems; relatives never merged), medical devices (the same device over overlapping time once,
 * in use as current) and advance decisions (in force as current).
 */
export class CombinedFamilyHistoryPanel extends RecordPanel<CombinedFamilyHistoryQuery> {
  protected heading = 'Family history, devices and advance decisions';
  protected document = CombinedFamilyHistoryDocument;
  protected sections: Section[] = [
    combinedSection('combinedFamilyHistory', {
      title: 'Family history',
      name: 'familyHistory',
      // A relative's history is not current or past: every relative recorded is listed.
      columns: [
        nameCol('Relative', (r) => r.relationship),
        col('Conditions', (r) => [...new Set(r.sources.flatMap((s: { conditions?: Condition[] | null }) => (s.conditions ?? []).map(conditionWords)))].join('; ')),
        col('Recorded', (r) => firstDate(r, (s) => s.recordedDate)),
        sourcesCol(status),
      ],
    }),
    combinedSection('combinedMedicalDevices', {
      title: 'Medical devices',
      name: 'medicalDevices',
      current: { history: 'Devices no longer in use' },
      columns: [
        nameCol('Device', (d) => d.device),
        sourcesStatusCol(status),
        col('Since', (d) => firstDate(d, (s) => s.timing?.start ?? s.recordedOn)),
        sourcesCol(status),
      ],
    }),
    combinedSection('combinedAdvanceDirectives', {
      title: 'Advance decisions',
      name: 'advanceDirectives',
      current: { history: 'Advance decisions no longer in force' },
      columns: advanceDecisionColumns,
    }),
  ];
}

customElements.get('sfy-combined-family-history') ?? customElements.define('sfy-combined-family-history', CombinedFamilyHistoryPanel);
