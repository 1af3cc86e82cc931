import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** The benchmark's controls-off switch must never work in production. */
function controlIsOnIn(env: NodeJS.ProcessEnv) {
  const script = "const { controlIsOn } = require('./subgraphs/kit/src/benchControls'); console.log(controlIsOn('audit'))";
  return spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: join(__dirname, '..', '..'), env: { ...process.env, ...env }, encoding: 'utf8' });
}

describe('the controls-off switch', () => {
  it('is off by default: every control is on', () => {
    const run = controlIsOnIn({ SHAREFORYOU_BENCH_CONTROLS_OFF: '', NODE_ENV: 'development' });
    expect(run.stdout.trim()).toBe('true');
  });

  it('switches a named control off outside production, loudly', () => {
    const run = controlIsOnIn({ SHAREFORYOU_BENCH_CONTROLS_OFF: 'audit', NODE_ENV: 'development' });
    expect(run.stdout.trim()).toBe('false');
    expect(run.stderr).toMatch(/controls OFF: audit/);
  });

  it('is refused in production', () => {
    const run = controlIsOnIn({ SHAREFORYOU_BENCH_CONTROLS_OFF: 'audit', NODE_ENV: 'production' });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/refused in production/);
  });

  it('refuses an unknown control name', () => {
    const run = controlIsOnIn({ SHAREFORYOU_BENCH_CONTROLS_OFF: 'audits', NODE_ENV: 'development' });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/unknown control "audits"/);
  });
});
