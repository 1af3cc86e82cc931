import type { AccessDecision } from './access/accessDecision';
import type { Restriction } from './access/restrictedRecord';
import { PatientAccess } from './access/patientAccess';

/**
 * Switching controls off, for the benchmark only (it prices each control): the one place that
 * reads SHAREFORYOU_BENCH_CONTROLS_OFF. Refused outright when NODE_ENV=production, so no deployment
 * can serve an unaudited or unchecked record by a stray variable. The services compose their
 * controls from what this says (they leave a plugin or a rule out, or take the unchecked access
 * below); nothing inside an access decision knows about it.
 *
 *   audit          subgraphs: no audit plugin        fieldRules     subgraphs: no field rules
 *   relationships  subgraphs: no per-patient check    requestLimits  gateway: no query limits
 *   partyCheck     gateway: no organisation party check
 */

export const CONTROLS_OFF_VARIABLE = 'SHAREFORYOU_BENCH_CONTROLS_OFF';
const CONTROLS = ['audit', 'fieldRules', 'relationships', 'requestLimits', 'partyCheck'] as const;
export type Control = (typeof CONTROLS)[number];

/** Which controls an environment switches off; throws in production, and on an unknown name. */
export function controlsOffIn(env: NodeJS.ProcessEnv): Set<Control> {
  const names = (env[CONTROLS_OFF_VARIABLE] ?? '').split(',').map((n) => n.trim()).filter(Boolean);
  if (names.length && env.NODE_ENV === 'production') {
    throw new Error(`${CONTROLS_OFF_VARIABLE} is for benchmarks only and is refused in production; unset it.`);
  }
  const off = new Set<Control>();
  for (const name of names) {
    if (name === 'all') CONTROLS.forEach((c) => off.add(c));
    else if ((CONTROLS as readonly string[]).includes(name)) off.add(name as Control);
    else throw new Error(`${CONTROLS_OFF_VARIABLE}: unknown control "${name}" (known: ${CONTROLS.join(', ')}, all)`);
  }
  return off;
}

let off: Set<Control> | undefined;

function controlsOff(): Set<Control> {
  if (off) return off;
  off = controlsOffIn(process.env);
  if (off.size) process.stderr.write(`WARNING: benchmark mode, controls OFF: ${[...off].join(', ')}. Never run like this with real data.\n`);
  return off;
}

export function controlIsOn(control: Control): boolean {
  return !controlsOff().has(control);
}

/** `relationships` off: every patient allowed without reading its access record (never in production). */
export class UncheckedPatientAccess extends PatientAccess {
  override async decide(): Promise<AccessDecision> {
    return { allowed: true, basis: 'care-relationship', relationshipKinds: ['benchmark'] };
  }

  /** Nor its restricted flag: the benchmark's patients are synthetic and none is restricted. */
  override async restriction(): Promise<Restriction> {
    return 'not-restricted';
  }
}

/** The per-request patient access the subgraphs use: checked, unless the benchmark switched it off. */
export function patientAccessClass(): typeof PatientAccess {
  return controlIsOn('relationships') ? PatientAccess : UncheckedPatientAccess;
}
