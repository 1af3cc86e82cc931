import { parseArgs, type ParseArgsConfig } from 'node:util';

/**
 * Every command answers --help (or -h) with its usage, and a mistake in its options with a line
 * saying what was wrong and the usage, exit code 2: never a stack trace.
 */
export function commandLine<T extends ParseArgsConfig>(usage: string, config: T = {} as T): ReturnType<typeof parseArgs<T>> {
  const args = config.args ?? process.argv.slice(2);
  if (args.some((arg) => arg === '--help' || arg === '-h')) {
    console.log(usage);
    process.exit(0);
  }
  try {
    return parseArgs({ ...config, args }) as ReturnType<typeof parseArgs<T>>;
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    process.exit(2);
  }
}
