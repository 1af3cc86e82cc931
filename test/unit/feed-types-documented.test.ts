import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { acuteFeed } from '../../subgraphs/acute/src/feed';
import { communityFeed } from '../../subgraphs/community/src/feed';
import { gpFeed } from '../../subgraphs/gp/src/feed';
import { mentalHealthFeed } from '../../subgraphs/mental-health/src/feed';
import { socialCareFeed } from '../../subgraphs/social-care/src/feed';

/** The README's "What each feed stores" table is the feeds' own mapping tables, no more and no less. */

const README = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
const TABLE = README.slice(README.indexOf('**What each feed stores**'), README.indexOf('Anything else is answered with a warning'));
const documented = (feed: string): string[] => {
  const row = new RegExp(`^\\| ${feed} \\| (.*) \\|$`, 'm').exec(TABLE)?.[1] ?? '';
  return [...row.replace(/\([^)]*\)/g, '').matchAll(/\b([A-Z][A-Za-z]+)\b/g)].map((m) => m[1]).sort();
};

it.each([
  ['gp', gpFeed],
  ['acute', acuteFeed],
  ['mental-health', mentalHealthFeed],
  ['community', communityFeed],
  ['social-care', socialCareFeed],
])('%s: the README lists exactly the types its feed stores', (name, feed) => {
  expect(documented(name)).toEqual(Object.keys(feed.resources).sort());
});
