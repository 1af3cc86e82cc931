import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPolicy, renderPolicyTable } from '@shareforyou/schema';
import { REPO_ROOT } from '../paths';
import { commandLine } from './commandLine';

/** Rewrites the README's "Who can see what" table from schema/policy.yaml. */

commandLine('Usage: npm run policy:table\n  Rewrites the README\'s "Who can see what" table from schema/policy.yaml.');
const README = join(REPO_ROOT, 'README.md');
const START = '<!-- policy-table:start -->';
const END = '<!-- policy-table:end -->';
const text = readFileSync(README, 'utf8');
const [before, rest] = text.split(START);
const [, after] = rest.split(END);
writeFileSync(README, `${before}${START}\n${renderPolicyTable(loadPolicy())}\n${END}${after}`);
console.log('README "Who can see what" updated from schema/policy.yaml');
