import { classifyField, loadPolicy } from '@shareforyou/schema';
import { acuteFeed } from '../../subgraphs/acute/src/feed';
import { acutePanels } from '../../subgraphs/acute/src/panels';
import { communityFeed } from '../../subgraphs/community/src/feed';
import { communityPanels } from '../../subgraphs/community/src/panels';
import { gpFeed } from '../../subgraphs/gp/src/feed';
import { gpPanels } from '../../subgraphs/gp/src/panels';
import { mentalHealthFeed } from '../../subgraphs/mental-health/src/feed';
import { mentalHealthPanels } from '../../subgraphs/mental-health/src/panels';
import { socialCareFeed } from '../../subgraphs/social-care/src/feed';
import { socialCarePanels } from '../../subgraphs/social-care/src/panels';

/**
 * The FAQ: the record is held in an encrypted system. The most sensitive panels are sealed at rest
 * on top of that: every panel served by a Patient field the policy classes in a sensitive category
 * (mental-health risk, safeguarding) must be among its feed's sealedPanels, so a new panel of such
 * data (e.g. the trust's safeguarding alerts) cannot be stored in the clear by forgetting one line.
 */
const policy = loadPolicy();
const slices = [
  ['gp', gpFeed, gpPanels],
  ['acute', acuteFeed, acutePanels],
  ['mental-health', mentalHealthFeed, mentalHealthPanels],
  ['community', communityFeed, communityPanels],
  ['social-care', socialCareFeed, socialCarePanels],
] as const;

describe('sensitive panels are sealed at rest', () => {
  it.each(slices)('%s: every panel of a sensitive category is sealed', (_name, feed, panels) => {
    const sensitive = Object.values(panels as Record<string, string>).filter((panel) => {
      const classification = classifyField(policy, 'Patient', panel);
      return classification.kind === 'category' && policy.categories[classification.category]?.sensitive === true;
    });
    expect(sensitive.filter((panel) => !(feed.sealedPanels ?? []).includes(panel))).toEqual([]);
  });

  it('the panels this rule covers today', () => {
    expect(mentalHealthFeed.sealedPanels).toEqual(expect.arrayContaining(['riskSummaries', 'mentalHealthSafeguardingAlerts']));
    expect(socialCareFeed.sealedPanels).toEqual(expect.arrayContaining(['safeguardingAlerts']));
  });
});
