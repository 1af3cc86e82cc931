import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { POLICY_PATH } from './sdl';

/**
 * The access policy (schema/policy.yaml) as data, and the questions everything else asks of it.
 * Loading validates it whole: a policy with a dangling reference refuses to load, so no service
 * starts on a policy nobody can review.
 */

export interface CategoryDefinition {
  label: string;
  kind: 'data' | 'action';
  sensitive?: boolean;
}

export interface ProfileDefinition {
  label: string;
  breakGlass: boolean;
  categories: string[];
}

/** A record panel a client shows, made of these categories. */
export interface PanelDefinition {
  label: string;
  categories: string[];
}

export interface JobRoleDefinition {
  label: string;
  profile: string;
}

export interface AccessPolicy {
  categories: Record<string, CategoryDefinition>;
  profiles: Record<string, ProfileDefinition>;
  jobRoles: Record<string, JobRoleDefinition>;
  panels: Record<string, PanelDefinition>;
  /** Type -> field -> category, or Type -> "inherit". */
  fields: Record<string, Record<string, string> | 'inherit'>;
}

export const INHERIT = 'inherit';

export function parsePolicy(text: string): AccessPolicy {
  const policy = parse(text) as AccessPolicy;
  const problems: string[] = [];
  const { categories, profiles, jobRoles, fields } = policy;
  if (!categories || !profiles || !jobRoles || !fields) {
    throw new Error('policy.yaml must have categories, profiles, jobRoles and fields');
  }
  // Panels are what clients show; a policy without them still decides every field.
  const panels = (policy.panels ??= {});
  for (const [name, panel] of Object.entries(panels)) {
    if (!panel.categories?.length) problems.push(`panel ${name} must list its categories`);
    for (const category of panel.categories ?? []) {
      if (!categories[category]) problems.push(`panel ${name} lists unknown category ${category}`);
    }
  }
  for (const [name, profile] of Object.entries(profiles)) {
    for (const category of profile.categories ?? []) {
      if (!categories[category]) problems.push(`profile ${name} lists unknown category ${category}`);
    }
    if (typeof profile.breakGlass !== 'boolean') problems.push(`profile ${name} must say breakGlass: true or false`);
  }
  for (const [code, role] of Object.entries(jobRoles)) {
    if (!profiles[role.profile]) problems.push(`job role ${code} maps to unknown profile ${role.profile}`);
  }
  for (const [typeName, typeFields] of Object.entries(fields)) {
    if (typeFields === INHERIT) continue;
    if (typeof typeFields !== 'object') {
      problems.push(`fields.${typeName} must be "inherit" or a map of field -> category`);
      continue;
    }
    for (const [field, category] of Object.entries(typeFields)) {
      if (!categories[category]) problems.push(`field ${typeName}.${field} has unknown category ${category}`);
    }
  }
  if (problems.length) throw new Error(`schema/policy.yaml is inconsistent:\n  - ${problems.join('\n  - ')}`);
  return policy;
}

let cached: AccessPolicy | undefined;

export function loadPolicy(): AccessPolicy {
  cached ??= parsePolicy(readFileSync(POLICY_PATH, 'utf8'));
  return cached;
}

/** The profile for an NHS RBAC job role code; undefined means no access at all. */
export function profileForJobRole(policy: AccessPolicy, jobRole: string): string | undefined {
  return policy.jobRoles[jobRole]?.profile;
}

export type FieldClassification =
  | { kind: 'category'; category: string }
  | { kind: 'inherit' }
  | { kind: 'unclassified' };

export function classifyField(policy: AccessPolicy, typeName: string, fieldName: string): FieldClassification {
  const typeFields = policy.fields[typeName];
  if (typeFields === INHERIT) return { kind: 'inherit' };
  const category = typeFields?.[fieldName];
  return category ? { kind: 'category', category } : { kind: 'unclassified' };
}

export function profileMaySee(policy: AccessPolicy, profile: string, category: string): boolean {
  return policy.profiles[profile]?.categories.includes(category) ?? false;
}

export function profileMayBreakGlass(policy: AccessPolicy, profile: string): boolean {
  return policy.profiles[profile]?.breakGlass === true;
}

/** Categories a set of field coordinates ("Type.field") belongs to, for audit summaries. */
export function categoriesOf(policy: AccessPolicy, coordinates: Iterable<string>): string[] {
  const found = new Set<string>();
  for (const coordinate of coordinates) {
    const [typeName, fieldName] = coordinate.split('.');
    const classification = classifyField(policy, typeName, fieldName);
    if (classification.kind === 'category') found.add(classification.category);
  }
  return [...found].sort();
}

export interface ProfileAccess {
  profile: string;
  profileLabel: string;
  categories: Array<{ name: string } & CategoryDefinition>;
  /** Panels with at least one category the profile may see; `restricted` are the rest of its categories. */
  panels: Array<{ name: string; label: string; categories: string[]; restricted: string[] }>;
  breakGlassAllowed: boolean;
  traceAllowed: boolean;
  recordAccessAllowed: boolean;
}

/** What a profile may see and do, asked once by a client so it asks the record only for that. */
export function accessOfProfile(policy: AccessPolicy, profile: string): ProfileAccess {
  const may = (category: string) => profileMaySee(policy, profile, category);
  return {
    profile,
    profileLabel: policy.profiles[profile]?.label ?? 'No access',
    categories: Object.entries(policy.categories)
      .filter(([name]) => may(name))
      .map(([name, definition]) => ({ name, ...definition, sensitive: definition.sensitive === true })),
    panels: Object.entries(policy.panels)
      .filter(([, panel]) => panel.categories.some(may))
      .map(([name, panel]) => ({ name, label: panel.label, categories: panel.categories.filter(may), restricted: panel.categories.filter((c) => !may(c)) })),
    breakGlassAllowed: profileMayBreakGlass(policy, profile) && may('breakGlassDeclaring'),
    traceAllowed: may('patientTrace'),
    recordAccessAllowed: may('recordAccess'),
  };
}
