import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../paths';

/**
 * Reads the .cpuprofile files of a profiled run (see cpuProfile.cjs) and says where each service's
 * CPU went: by package (node_modules/<pkg>), project file, node internals, GC — self time only.
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  service: string;
  file: string;
  sampledMs: number;
  busyMs: number;
  /** Self time by where the code lives, busiest first (ms, % of busy). */
  byPlace: Array<{ place: string; ms: number; percent: number }>;
  byFunction: Array<{ fn: string; ms: number; percent: number }>;
}

const SPECIAL = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);

function placeOf(url: string, functionName: string): string {
  if (SPECIAL.has(functionName)) return functionName;
  if (!url) return `(native) ${functionName || 'anonymous'}`;
  if (url.startsWith('node:')) return 'node internals';
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + '/node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const path = url.replace(/^file:\/\//, '');
  return path.startsWith(REPO_ROOT) ? path.slice(REPO_ROOT.length + 1) : path;
}

function summariseProfile(file: string, service: string): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const place = new Map<string, number>();
  const fn = new Map<string, number>();
  let sampled = 0;
  let idle = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    sampled += ms;
    const node = byId.get(id);
    if (!node) return;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') {
      idle += ms;
      return;
    }
    const where = placeOf(url, functionName);
    place.set(where, (place.get(where) ?? 0) + ms);
    const name = `${functionName || '(anonymous)'} ${where}${url && !SPECIAL.has(functionName) ? `:${lineNumber + 1}` : ''}`;
    fn.set(name, (fn.get(name) ?? 0) + ms);
  });
  const busy = sampled - idle;
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, ms]) => ({ k, ms: Math.round(ms), percent: busy ? Math.round((1000 * ms) / busy) / 10 : 0 }));
  return {
    service,
    file,
    sampledMs: Math.round(sampled),
    busyMs: Math.round(busy),
    byPlace: top(place, 15).map(({ k, ms, percent }) => ({ place: k, ms, percent })),
    byFunction: top(fn, 15).map(({ k, ms, percent }) => ({ fn: k, ms, percent })),
  };
}

export function summariseProfiles(dir: string): ProfileSummary[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => summariseProfile(join(dir, f), f.replace(/-\d+\.cpuprofile$/, '')))
    .sort((a, b) => b.busyMs - a.busyMs);
}

export function formatProfiles(summaries: ProfileSummary[], services: string[]): string {
  const lines: string[] = [];
  for (const s of summaries.filter((x) => services.includes(x.service))) {
    lines.push(`  ${s.service}: ${s.busyMs} ms busy of ${s.sampledMs} ms sampled`);
    for (const p of s.byPlace.slice(0, 10)) lines.push(`    ${String(p.percent).padStart(5)}%  ${p.place}`);
  }
  return lines.join('\n');
}
