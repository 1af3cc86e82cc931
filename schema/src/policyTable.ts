import type { AccessPolicy } from './policy';

/** "Who can see what", rendered from the policy for the README (kept current by a test). */
export function renderPolicyTable(policy: AccessPolicy): string {
  const profiles = Object.keys(policy.profiles);
  const header = `| category | ${profiles.join(' | ')} |\n|---|${profiles.map(() => ':-:').join('|')}|`;
  const rows = Object.entries(policy.categories).map(([name, category]) => {
    const label = `${category.label}${category.sensitive ? ' (sensitive)' : ''}`;
    const marks = profiles.map((p) => (policy.profiles[p].categories.includes(name) ? 'yes' : '—'));
    return `| ${label} | ${marks.join(' | ')} |`;
  });
  const roles = Object.entries(policy.jobRoles).map(([code, role]) => `${code} ${role.label} → ${role.profile}`);
  return `${header}\n${rows.join('\n')}\n\nJob roles: ${roles.join('; ')}. Any other job role: no access.\nBreak-glass: ${profiles.filter((p) => policy.profiles[p].breakGlass).join(', ')} only.`;
}
