import { flagMeaningOf, type FlagMeaning } from '@shareforyou/schema/src/clinicalCodes';
import { conceptsOf, FeedProblem, FHIR_STATUS, isCurrent, oneOf, optionalCodingOf, optionalDateOf, referenceDisplay, type BundleReferences, type ResourceMapping } from '../ingest';

/**
 * FHIR R4 Flag (UK Core) -> an alert: what it is (code, every coding), its categories, status and
 * whether it is in force (`current`: active and its period not ended), when, and who raised it.
 * Where it lands is decided by its codes (schema/clinical-codes.yaml, `flagMeaningOf` over the code
 * and every category), never by words: a safeguarding alert to the slice's safeguarding panel (a
 * field classified `safeguarding`, sensitive), a mental-health risk to its risk panel (a field
 * classified `mentalHealthRisk`, sensitive), anything else to the general alerts. A coded
 * safeguarding or risk flag is never filed among the general alerts, which roles without those
 * categories may see.
 */

export type FlagPanels = Record<FlagMeaning, string>;

export function flagMapping(panels: { alerts: string; safeguardingAlerts: string; riskAlerts: string }): ResourceMapping {
  const byMeaning: FlagPanels = { general: panels.alerts, safeguarding: panels.safeguardingAlerts, mentalHealthRisk: panels.riskAlerts };
  return (r: fhir4.Flag, references: BundleReferences) => {
    const status = oneOf(r.status, FHIR_STATUS.flag, 'Flag.status');
    const code = optionalCodingOf(r.code, 'Flag.code');
    if (!code) throw new FeedProblem('Flag.code', 'Flag.code is required: it says what the alert is');
    const start = optionalDateOf(r.period?.start, 'Flag.period.start');
    const end = optionalDateOf(r.period?.end, 'Flag.period.end');
    return {
      panel: byMeaning[flagMeaningOf([r.code, ...(r.category ?? [])])],
      fields: {
        code,
        description: code.text ?? code.display,
        categories: conceptsOf(r.category, 'Flag.category'),
        status,
        current: isCurrent('flag', status, end),
        start,
        end,
        author: referenceDisplay(r.author, r as never, references),
      },
    };
  };
}
