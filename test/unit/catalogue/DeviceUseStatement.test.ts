/// <reference types="fhir" />
import { gpFeed } from '../../../subgraphs/gp/src/feed';
import { stillInForce } from '../../../subgraphs/kit/src/slice/catalogueLists';
import { feedMapping, META, NHS } from '../../support/feedMapping';

/**
 * The catalogue's DeviceUseStatement mapping (FHIR R4 DeviceUseStatement with the Device it names;
 * as the IPS "Medical devices" section sends one): a cardiac pacemaker, its Device in the bundle
 * by urn:uuid, or contained, or only a display. A device no longer in use is never current (H89).
 */

const SNOMED = 'http://snomed.info/sct';
const pacemaker: fhir4.Device = {
  resourceType: 'Device',
  id: 'pm',
  type: { coding: [{ system: SNOMED, code: '14106009', display: 'Cardiac pacemaker' }] },
  deviceName: [{ name: 'Azure XT DR MRI', type: 'manufacturer-name' }],
  udiCarrier: [{ deviceIdentifier: '00643169007222' }],
};
const inUse: fhir4.DeviceUseStatement = {
  resourceType: 'DeviceUseStatement',
  id: 'dus-pm',
  meta: META,
  status: 'active',
  subject: NHS,
  device: { reference: 'urn:uuid:3c1d7a52-0b3e-4a8e-9c41-7f0a1e2b3c4d' },
  timingPeriod: { start: '2019-03-12' },
  recordedOn: '2019-03-20T11:00:00+00:00',
  bodySite: { coding: [{ system: SNOMED, code: '80891009', display: 'Heart structure' }] },
  reasonCode: [{ coding: [{ system: SNOMED, code: '27885002', display: 'Complete atrioventricular block' }] }],
};
const bundle = [{ fullUrl: 'urn:uuid:3c1d7a52-0b3e-4a8e-9c41-7f0a1e2b3c4d', resource: pacemaker as fhir4.FhirResource }];

describe('gp feed: DeviceUseStatement through the catalogue', () => {
  const { map, problemOf } = feedMapping(gpFeed);

  it('the device is the Device it names (type with every coding, name, UDI), with status, timing, body site and reason', () => {
    const mapped = map(inUse, bundle)!;
    expect(mapped.panel).toBe('medicalDevices');
    expect(mapped.fields).toMatchObject({
      device: { code: '14106009', display: 'Cardiac pacemaker' },
      deviceName: 'Azure XT DR MRI',
      udi: '00643169007222',
      status: 'active',
      current: true,
      timing: { start: '2019-03-12', end: null },
      bodySite: { code: '80891009' },
      reasons: [{ code: '27885002' }],
    });
  });

  it('a contained Device, or only a display, names the device too; none at all is refused naming the path', () => {
    const contained = { ...inUse, contained: [pacemaker], device: { reference: '#pm' } } as fhir4.DeviceUseStatement;
    expect(map(contained)!.fields.device).toMatchObject({ code: '14106009' });
    expect(map({ ...inUse, device: { display: 'Hearing aid, left ear' } })!.fields.device).toMatchObject({ system: 'text', display: 'Hearing aid, left ear' });
    expect(problemOf({ ...inUse, device: { reference: 'Device/unknown' } }).path).toBe('DeviceUseStatement.device');
  });

  it.each([
    ['active', true],
    ['on-hold', true],
    ['intended', false],
    ['completed', false],
    ['stopped', false],
  ])('H89: status %s is current: %s', (status, current) => {
    expect(map({ ...inUse, status: status as fhir4.DeviceUseStatement['status'] }, bundle)!.fields.current).toBe(current);
  });

  it('H89: an active statement whose timing period has ended is not current, at ingest and again at read', () => {
    const ended = map({ ...inUse, timingPeriod: { start: '2019-03-12', end: '2024-01-05' } }, bundle)!;
    expect(ended.fields.current).toBe(false);
    const storedWhileInUse = { ...map({ ...inUse, timingPeriod: { start: '2019-03-12', end: '2030-01-01' } }, bundle)!.fields, id: 'x', provenance: {} } as never;
    expect(stillInForce(storedWhileInUse, '2030-01-01', Date.parse('2029-12-31T00:00:00Z')).current).toBe(true);
    expect(stillInForce(storedWhileInUse, '2030-01-01', Date.parse('2030-01-02T00:00:00Z')).current).toBe(false);
  });

  it('a status outside device-statement-status is refused naming the path', () => {
    expect(problemOf({ ...inUse, status: 'in-use' as never }, bundle).path).toBe('DeviceUseStatement.status');
  });
});
