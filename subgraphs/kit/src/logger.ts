import pino, { type Logger } from 'pino';

/**
 * The operational log: one JSON object a line on stdout (pino), with the service name and, on
 * request lines, the request id. It never holds patient data (NHS numbers, names, record content):
 * those live only in the audit store. Callers log codes, counts, durations and error detail.
 * LOG_LEVEL sets the level (default info; "silent" for none).
 */

const loggers = new Map<string, Logger>();

export function serviceLogger(service: string): Logger {
  let logger = loggers.get(service);
  if (!logger) {
    logger = pino({
      level: process.env.LOG_LEVEL ?? 'info',
      base: { service },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Belt and braces: fields that could carry patient data are never written even if passed.
      redact: { paths: ['nhsNumber', 'nhsNumbers', 'name', 'variables', 'data', '*.nhsNumber', '*.name'], remove: true },
    });
    loggers.set(service, logger);
  }
  return logger;
}

/** What an error says, for the operator's log only (never a response): its name, message and first frames. */
export function errorDetail(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: String(error) };
  return { error: error.name, message: error.message, stack: error.stack?.split('\n').slice(0, 6).join('\n') };
}
