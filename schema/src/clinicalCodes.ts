import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { SCHEMA_DIR } from './sdl';

/**
 * The code lists that decide where a coded item lands (schema/clinical-codes.yaml), as data, and
 * the two questions the feeds ask of them: what a Flag means, and whether a CarePlan is a crisis
 * plan. Loading validates the file whole, like the policy: a malformed list stops start-up rather
 * than silently filing a safeguarding alert as a general one.
 */

export const CLINICAL_CODES_PATH = join(SCHEMA_DIR, 'clinical-codes.yaml');

/** What a Flag is, by its codes. "general" is everything no list names. */
export const FLAG_MEANINGS = ['safeguarding', 'mentalHealthRisk'] as const;
export type FlagMeaning = (typeof FLAG_MEANINGS)[number] | 'general';

export const CARE_PLAN_KINDS = ['crisisPlan'] as const;
export type CarePlanKind = (typeof CARE_PLAN_KINDS)[number] | 'other';

/** What a "no known allergies" statement covers, by its code. */
export const NO_KNOWN_ALLERGY_SCOPES = ['all', 'medication', 'food', 'environment'] as const;
export type NoKnownAllergyScope = (typeof NO_KNOWN_ALLERGY_SCOPES)[number];

/**
 * Which List is which, by List.code: the allergies, problems and medications lists, each of which
 * states "nothing known" when empty with emptyReason nilknown. Any other List means nothing here.
 */
export const LIST_KINDS = ['allergies', 'problems', 'medications'] as const;
export type ListKind = (typeof LIST_KINDS)[number] | 'other';

/** Which Consents this record holds, by scope and category: advance decisions only. */
export const CONSENT_KINDS = ['advanceDecision'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number] | 'other';

export interface ListedCode {
  system: string;
  code: string;
  display: string;
}

export interface CodeList {
  label: string;
  codes: ListedCode[];
}

export interface ClinicalCodes {
  flags: Record<(typeof FLAG_MEANINGS)[number], CodeList>;
  carePlans: Record<(typeof CARE_PLAN_KINDS)[number], CodeList>;
  noKnownAllergies: Record<NoKnownAllergyScope, CodeList>;
  lists: Record<(typeof LIST_KINDS)[number], CodeList>;
  consents: Record<(typeof CONSENT_KINDS)[number], CodeList>;
}

/** Anything with codings: a FHIR CodeableConcept as sent, or one as the record keeps it. */
export type Coded = { coding?: Array<{ system?: string; code?: string }> } | null | undefined;

const key = (system: string, code: string) => `${system}|${code}`;

export function parseClinicalCodes(text: string): ClinicalCodes {
  const parsed = parse(text) as Partial<ClinicalCodes> | null;
  const problems: string[] = [];
  const seen = new Map<string, string>();
  const checkGroup = (group: 'flags' | 'carePlans' | 'noKnownAllergies' | 'lists' | 'consents', names: readonly string[]) => {
    const lists = parsed?.[group] as Record<string, CodeList> | undefined;
    if (!lists || typeof lists !== 'object') {
      problems.push(`${group} must map each list name to its codes`);
      return;
    }
    for (const name of Object.keys(lists)) if (!names.includes(name)) problems.push(`${group}.${name} is not a list this record routes by (${names.join(', ')})`);
    for (const name of names) {
      const list = lists[name];
      const at = `${group}.${name}`;
      if (!list || typeof list.label !== 'string' || !list.label) problems.push(`${at}: label is required`);
      if (!Array.isArray(list?.codes) || list.codes.length === 0) {
        problems.push(`${at}: codes must be a non-empty list`);
        continue;
      }
      list.codes.forEach((c, i) => {
        if (typeof c?.system !== 'string' || !/^(https?|urn):/.test(c.system)) problems.push(`${at}.codes[${i}]: system must be a URI`);
        if (typeof c?.code !== 'string' || !c.code) problems.push(`${at}.codes[${i}]: code must be a non-empty string (quote SNOMED CT ids)`);
        if (typeof c?.display !== 'string' || !c.display) problems.push(`${at}.codes[${i}]: display is required`);
        if (typeof c?.system !== 'string' || typeof c?.code !== 'string') return;
        const other = seen.get(key(c.system, c.code));
        if (other) problems.push(`${at}.codes[${i}]: ${c.system}|${c.code} is already in ${other}; a code has one meaning`);
        seen.set(key(c.system, c.code), at);
      });
    }
  };
  checkGroup('flags', FLAG_MEANINGS);
  checkGroup('carePlans', CARE_PLAN_KINDS);
  checkGroup('noKnownAllergies', NO_KNOWN_ALLERGY_SCOPES);
  checkGroup('lists', LIST_KINDS);
  checkGroup('consents', CONSENT_KINDS);
  if (problems.length) throw new Error(`schema/clinical-codes.yaml is not valid:\n  - ${problems.join('\n  - ')}`);
  return parsed as ClinicalCodes;
}

let cached: ClinicalCodes | undefined;

export function loadClinicalCodes(): ClinicalCodes {
  cached ??= parseClinicalCodes(readFileSync(CLINICAL_CODES_PATH, 'utf8'));
  return cached;
}

function listed(concepts: Coded[], list: CodeList): boolean {
  const codes = new Set(list.codes.map((c) => key(c.system, c.code)));
  return concepts.some((concept) => (concept?.coding ?? []).some((c) => c.system && c.code && codes.has(key(c.system, c.code))));
}

/**
 * What a Flag means, from every coding of its code and categories. Safeguarding is asked first: a
 * flag coded both ways is a safeguarding alert (the stricter audience). No listed code: general.
 * Text is never read ("safeguarding" in a title decides nothing).
 */
export function flagMeaningOf(concepts: Coded[], codes = loadClinicalCodes()): FlagMeaning {
  return FLAG_MEANINGS.find((meaning) => listed(concepts, codes.flags[meaning])) ?? 'general';
}

/** What kind of care plan a CarePlan is, from every coding of its categories; "other" when no list names one. */
export function carePlanKindOf(categories: Coded[], codes = loadClinicalCodes()): CarePlanKind {
  return CARE_PLAN_KINDS.find((kind) => listed(categories, codes.carePlans[kind])) ?? 'other';
}

/**
 * Whether an allergy's code states that there are no known allergies (of a kind), and which kind:
 * null for a real allergy. Matched on every coding; text is never read.
 */
export function noKnownAllergyScopeOf(concepts: Coded[], codes = loadClinicalCodes()): NoKnownAllergyScope | null {
  return NO_KNOWN_ALLERGY_SCOPES.find((scope) => listed(concepts, codes.noKnownAllergies[scope])) ?? null;
}

/** What a List is, from every coding of List.code: "allergies", "problems" or "medications", else "other". Text is never read. */
export function listKindOf(concepts: Coded[], codes = loadClinicalCodes()): ListKind {
  return LIST_KINDS.find((kind) => listed(concepts, codes.lists[kind])) ?? 'other';
}

/** What a Consent records, from every coding of its scope and categories: "advanceDecision", else "other". Text is never read. */
export function consentKindOf(concepts: Coded[], codes = loadClinicalCodes()): ConsentKind {
  return CONSENT_KINDS.find((kind) => listed(concepts, codes.consents[kind])) ?? 'other';
}
