import { randomBytes } from 'node:crypto';

/**
 * SMART on FHIR EHR launch contexts (issue #22.2): what a clinical system knows when it opens the
 * record from inside itself (who is signed in, in which role, and which patient is open), kept
 * behind an opaque `launch` value that the viewer passes back through the authorisation request.
 * A launch is good for LAUNCH_MS and is used once: a copied launch URL opens nothing later.
 */

export interface LaunchContext {
  userId: string;
  roleId: string;
  /** The patient open in the clinical system: their NHS number. */
  patient: string;
}

const LAUNCH_MS = 5 * 60_000;

export class LaunchContexts {
  private readonly launches = new Map<string, LaunchContext & { until: number }>();

  create(context: LaunchContext, now = Date.now()): string {
    for (const [id, launch] of this.launches) if (launch.until < now) this.launches.delete(id);
    const id = randomBytes(24).toString('base64url');
    this.launches.set(id, { ...context, until: now + LAUNCH_MS });
    return id;
  }

  /** The context, once; null when the launch is unknown, used or expired. */
  take(id: unknown, now = Date.now()): LaunchContext | null {
    if (typeof id !== 'string') return null;
    const launch = this.launches.get(id);
    this.launches.delete(id);
    if (!launch || launch.until < now) return null;
    return { userId: launch.userId, roleId: launch.roleId, patient: launch.patient };
  }
}
