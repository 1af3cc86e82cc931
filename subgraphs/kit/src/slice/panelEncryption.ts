import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readSecret } from '../secrets';
import type { SliceItem } from './patientSlice';

/**
 * Every panel of a patient's slice is encrypted at rest by the application: AES-256-GCM with
 * RECORD_ENCRYPTION_KEY, bound to the patient and panel so a ciphertext cannot be moved to another
 * record. A sealed panel is stored as { sealed: "..." }. Clinical content is never queried inside
 * the database (a slice is read by NHS number), so the store holds it as one opaque value per panel:
 * a database backup or a stray query shows no clinical content, and the engine parses a few strings
 * per read instead of every element of every item. Readers open whatever is sealed, so a panel
 * stored in the clear by an older version stays readable until its next write seals it.
 */

export interface SealedPanel {
  sealed: string;
}

let key: Buffer | undefined;
function encryptionKey(): Buffer {
  key ??= Buffer.from(readSecret('recordEncryptionKey').trim(), 'base64');
  if (key.length !== 32) throw new Error('RECORD_ENCRYPTION_KEY must be 32 bytes, base64 encoded');
  return key;
}

/** Any JSON value sealed, bound to `binding` (e.g. "<NHS number>/<panel>"): it opens only under the same binding. */
export function sealValue(binding: string, value: unknown): SealedPanel {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', encryptionKey(), iv);
  cipher.setAAD(Buffer.from(binding));
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return { sealed: `v1.${iv.toString('base64')}.${cipher.getAuthTag().toString('base64')}.${body.toString('base64')}` };
}

export function openValue<T>(binding: string, stored: SealedPanel): T {
  const [version, iv, tag, body] = stored.sealed.split('.');
  if (version !== 'v1') throw new Error(`unknown sealed panel format ${version}`);
  const decipher = createDecipheriv('aes-256-gcm', encryptionKey(), Buffer.from(iv, 'base64'));
  decipher.setAAD(Buffer.from(binding));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return JSON.parse(Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8')) as T;
}

export const sealPanel = (nhsNumber: string, panel: string, items: SliceItem[]): SealedPanel => sealValue(`${nhsNumber}/${panel}`, items);

export const openPanel = (nhsNumber: string, panel: string, stored: SealedPanel): SliceItem[] => openValue<SliceItem[]>(`${nhsNumber}/${panel}`, stored);

const isSealed = (value: unknown): value is SealedPanel => typeof (value as SealedPanel)?.sealed === 'string';

/** Panels as stored -> panels as read: sealed ones opened. */
export function openPanels(nhsNumber: string, stored: Record<string, SliceItem[] | SealedPanel>): Record<string, SliceItem[]> {
  return Object.fromEntries(Object.entries(stored ?? {}).map(([panel, value]) => [panel, isSealed(value) ? openPanel(nhsNumber, panel, value) : value]));
}

/** Panels as read -> panels as stored: every one sealed. */
export function sealPanels(nhsNumber: string, panels: Record<string, SliceItem[]>): Record<string, SealedPanel> {
  return Object.fromEntries(Object.entries(panels).map(([panel, items]) => [panel, sealPanel(nhsNumber, panel, items)]));
}
