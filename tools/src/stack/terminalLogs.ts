import { prettyFactory } from 'pino-pretty';

/**
 * The services log one JSON object per line (for files, pipes and log platforms). On a terminal,
 * npm start shows them as people read logs: time, level, service and message on one line
 * (pino-pretty). Lines split across chunks are joined first; anything not JSON passes as it is.
 */

const pretty = prettyFactory({ colorize: true, translateTime: 'HH:MM:ss', ignore: 'pid,hostname,service', messageFormat: '{service} {msg}', singleLine: true });

export function terminalLines(write: (text: string) => void, onTerminal = Boolean(process.stdout.isTTY)): (chunk: string) => void {
  if (!onTerminal) return write;
  let carried = '';
  return (chunk) => {
    const lines = (carried + chunk).split('\n');
    carried = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.startsWith('{')) {
        write(`${line}\n`);
        continue;
      }
      try {
        write(pretty(JSON.parse(line)));
      } catch {
        write(`${line}\n`);
      }
    }
  };
}
