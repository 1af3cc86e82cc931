import { startGateway } from './server';

startGateway().then(
  (running) => {
    const shutdown = () => {
      running.stop().finally(() => process.exit(0));
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  },
  (error: Error) => {
    process.stderr.write(`[gateway] failed to start: ${error.message}\n`);
    process.exit(1);
  },
);
