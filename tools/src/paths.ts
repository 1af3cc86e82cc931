import { join, resolve } from 'node:path';

/** Where local, ignored state lives: the engine build, the compiled peer, database files, benchmark results. */
export const REPO_ROOT = resolve(__dirname, '..', '..');
export const LOCAL_DIR = join(REPO_ROOT, '.local');
export const FERRETDB_DIR = join(LOCAL_DIR, 'ferretdb');
/** The benchmark's compiled peer (Hive Router), built by cargo on first use. */
export const HIVE_ROUTER_DIR = join(LOCAL_DIR, 'hive-router');
export const DEFAULT_DATA_DIR = join(LOCAL_DIR, 'data');
export const BENCH_DIR = join(REPO_ROOT, '.bench');
