import { controlsOffIn } from '../../subgraphs/kit/src/benchControls';

/** The benchmark's controls-off switch must never work in production. */
describe('the controls-off switch', () => {
  const off = (value: string, NODE_ENV = 'development') => controlsOffIn({ SHAREFORYOU_BENCH_CONTROLS_OFF: value, NODE_ENV });

  it('is off by default: every control is on', () => {
    expect(off('').size).toBe(0);
    expect(controlsOffIn({ NODE_ENV: 'production' }).size).toBe(0);
  });

  it('switches named controls off outside production, and all of them by "all"', () => {
    expect([...off('audit')]).toEqual(['audit']);
    expect([...off(' audit , partyCheck ')].sort()).toEqual(['audit', 'partyCheck']);
    expect([...off('all')].sort()).toEqual(['audit', 'fieldRules', 'partyCheck', 'relationships', 'requestLimits']);
  });

  it('is refused in production', () => {
    expect(() => off('audit', 'production')).toThrow(/refused in production/);
  });

  it('refuses an unknown control name', () => {
    expect(() => off('audits')).toThrow(/unknown control "audits"/);
  });
});
