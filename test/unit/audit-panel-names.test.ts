import { panelNames } from '../../subgraphs/audit/src/names';

/** A privacy officer reads which record panels a look could have shown, by name (13.1). */
it('names the policy panels that show the categories, each once, in the policy order', () => {
  expect(panelNames(['medications'])).toEqual(['Emergency summary', 'Medications']);
  expect(panelNames(['medications', 'allergies'])).toEqual(['Emergency summary', 'Medications', 'Allergies and adverse reactions']);
  // A GP's, hospital's or community services' mental health risk alert is in the alerts panel; the trust's risk summary in its own;
  // both, in force, in the emergency summary (H170).
  expect(panelNames(['mentalHealthRisk'])).toEqual(['Emergency summary', 'Alerts', 'Mental health', 'Social care']);
  expect(panelNames([])).toEqual([]);
});
