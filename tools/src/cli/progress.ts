import cliProgress from 'cli-progress';

/**
 * Progress of a long step (building the engine, seeding) as the person running it should see it: a
 * bar on a terminal; without one (CI, a log file, a pipe) a line every `everyPercent` of the way, so
 * a log shows the step moving without a line per item.
 */

export interface Progress {
  update(done: number): void;
  /** The step is over: the bar shows it whole. */
  finish(): void;
}

export interface ProgressOptions {
  total: number;
  /** What is counted, e.g. "patients through the FHIR feeds", "packages". */
  unit: string;
  /** The bar's label, e.g. "Seeding", "Compiling". */
  label: string;
  log: (message: string) => void;
  /** Draw a bar: default when stdout is a terminal. */
  bar?: boolean;
  everyPercent?: number;
}

export function progress(options: ProgressOptions): Progress {
  const total = Math.max(1, options.total);
  if (options.bar ?? Boolean(process.stdout.isTTY)) {
    const bar = new cliProgress.SingleBar({ format: `${options.label.padEnd(9)}[{bar}] {value}/{total} ${options.unit}`, hideCursor: true }, cliProgress.Presets.shades_classic);
    bar.start(total, 0);
    return {
      update: (done) => bar.update(Math.min(done, total)),
      finish: () => {
        bar.update(total);
        bar.stop();
      },
    };
  }
  const step = (total * (options.everyPercent ?? 25)) / 100;
  let logged = 0;
  return {
    update(done) {
      if (done - logged >= step && done < total) {
        logged = done;
        options.log(`  ${options.label.toLowerCase()}: ${done}/${total} ${options.unit}`);
      }
    },
    finish: () => undefined,
  };
}
