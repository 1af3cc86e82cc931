// Preloaded into every service of a profiled bench stack (NODE_OPTIONS=--require <this file>; node
// refuses --cpu-prof in NODE_OPTIONS). Sampling starts at the first SIGUSR2 (sent by the bench once
// the stack is up, so start-up compilation is left out) and the profile is written at exit, as a
// .cpuprofile (Chrome DevTools format) in SHAREFORYOU_BENCH_PROFILE_DIR, named after the service,
// when the service is asked to stop.
const { Session } = require('node:inspector');
const { mkdirSync, writeFileSync } = require('node:fs');
const { basename, dirname, join } = require('node:path');

const dir = process.env.SHAREFORYOU_BENCH_PROFILE_DIR;
if (dir) {
  const session = new Session();
  let started = false;
  process.on('SIGUSR2', () => {
    if (started) return;
    started = true;
    session.connect();
    session.post('Profiler.enable');
    session.post('Profiler.setSamplingInterval', { interval: 500 });
    session.post('Profiler.start');
  });
  // The service: the organisation subgraphs all run subgraphs/kit/src/main.ts <name>; the gateway
  // runs gateway/src/main.ts, the identity provider tools/src/identity/main.ts.
  const entry = process.argv[1] ?? 'node';
  const folder = basename(dirname(entry));
  const service = process.argv[2] && !process.argv[2].startsWith('-') ? process.argv[2] : folder === 'src' ? basename(dirname(dirname(entry))) : folder;
  const name = `${service}-${process.pid}`;
  const write = () => {
    if (!started) return;
    started = false;
    // The in-process inspector answers synchronously, so this completes inside the handler.
    session.post('Profiler.stop', (error, result) => {
      if (error || !result) return;
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(result.profile));
    });
  };
  // Written when asked to stop: Apollo Server re-raises SIGTERM after its own shutdown, and a
  // process ended by a signal never emits 'exit'.
  process.prependOnceListener('SIGTERM', write);
  process.prependOnceListener('SIGINT', write);
  process.on('exit', write);
}
