import { join, resolve } from 'node:path';

/** Where local, ignored state lives: the engine build, database files, benchmark results. */
export const REPO_ROOT = resolve(__dirname, '..', '..');
export const LOCAL_DIR = join(REPO_ROOT, '.local');
export const FERRETDB_DIR = join(LOCAL_DIR, 'ferretdb');
export const DEFAULT_DATA_DIR = join(LOCAL_DIR, 'data');
export const BENCH_DIR = join(REPO_ROOT, '.bench');
