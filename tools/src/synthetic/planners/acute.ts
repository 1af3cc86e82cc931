/**
 * The acute trust's record of a random patient: A&E attendances, admissions (a few still in
 * hospital), outpatient appointments and blood results with plausible values.
 */

import { DAY, HOUR, MINUTE, REFERENCE_INSTANT as NOW } from '../clock';
import { pickDoctorName, type Gender } from '../names';
import { services, towns } from '../places';
import type { Rng } from '../prng';
import { bodySites, labPanels, procedures, reasons, specialties, type Concept, type LabPanelKey, type LabTestKey, type SpecialtyKey } from '../terminology';
import type { AcutePlan, GpPlan, PlannedAdmission, PlannedAttendance, PlannedLabPanel } from '../plan';
import { daysAgo, has, onMedicine, workingTime, type Context } from './context';

const INFECTIONS = new Set([reasons.pneumonia, reasons.urinaryTractInfection, reasons.cellulitis, reasons.copdExacerbation]);

function admissionReasons(ctx: Context, gp: GpPlan): readonly (readonly [Concept, number])[] {
  const list: [Concept, number][] = [];
  if (ctx.age >= 65) {
    list.push([reasons.fracturedNeckOfFemur, 3], [reasons.pneumonia, 3], [reasons.urinaryTractInfection, 2], [reasons.cellulitis, 1], [reasons.acuteKidneyInjury, 1], [reasons.stroke, 1], [reasons.acuteCoronarySyndrome, 1]);
  } else if (ctx.age >= 18) {
    list.push([reasons.pneumonia, 2], [reasons.cellulitis, 2], [reasons.urinaryTractInfection, 1]);
    if (ctx.age >= 40) list.push([reasons.acuteCoronarySyndrome, 1]);
  } else {
    list.push([reasons.pneumonia, 2], [reasons.urinaryTractInfection, 1], [reasons.cellulitis, 1]);
  }
  if (has(gp, 'copd')) list.push([reasons.copdExacerbation, 3]);
  if (has(gp, 'asthma')) list.push([reasons.asthmaAttack, 3]);
  return list;
}

function attendanceReasons(ctx: Context, gp: GpPlan): readonly (readonly [Concept, number])[] {
  if (ctx.age < 18) {
    const list: [Concept, number][] = [[reasons.headInjury, 3], [reasons.abdominalPain, 2], [reasons.ankleSprain, 2]];
    if (has(gp, 'asthma')) list.push([reasons.asthmaAttack, 2]);
    return list;
  }
  if (ctx.age < 65) {
    return [[reasons.chestPain, 3], [reasons.abdominalPain, 2], [reasons.ankleSprain, 2], [reasons.headInjury, 1], [reasons.lowBackPain, 2], [reasons.breathlessness, 1], [reasons.syncope, 1]];
  }
  return [[reasons.fall, 3], [reasons.chestPain, 2], [reasons.breathlessness, 2], [reasons.syncope, 2], [reasons.headInjury, 1], [reasons.abdominalPain, 1]];
}

function wardFor(rng: Rng, ctx: Context, reason: Concept): string {
  if (ctx.age < 18) return 'Children’s Ward';
  if (reason === reasons.fracturedNeckOfFemur) return 'Trauma Ward T2';
  if (reason === reasons.stroke) return 'Stroke Unit';
  if (reason === reasons.acuteCoronarySyndrome) return 'Coronary Care Unit';
  return rng.pick(['Acute Medical Unit', 'Ward F5', 'Ward T3', 'Ward 11', 'Ward B6']);
}

const CLINIC_NAMES: Record<SpecialtyKey, string> = {
  cardiology: 'Cardiology clinic',
  traumaOrthopaedics: 'Orthopaedic clinic',
  gastroenterology: 'Gastroenterology clinic',
  endocrinology: 'Diabetes and endocrinology clinic',
  ophthalmology: 'Eye clinic',
  generalSurgery: 'General surgery clinic',
  generalMedicine: 'General medicine clinic',
  respiratory: 'Respiratory clinic',
  geriatrics: 'Falls and frailty clinic',
  neurology: 'Neurology clinic',
  paediatrics: 'Children’s outpatient clinic',
};

function specialtyFor(rng: Rng, ctx: Context, gp: GpPlan): SpecialtyKey {
  if (ctx.age < 18) return 'paediatrics';
  const options: SpecialtyKey[] = [];
  if (has(gp, 'atrialFibrillation') || has(gp, 'ischaemicHeartDisease') || has(gp, 'heartFailure')) options.push('cardiology');
  if (has(gp, 'type2Diabetes')) options.push('endocrinology');
  if (has(gp, 'copd') || has(gp, 'asthma')) options.push('respiratory');
  if (has(gp, 'osteoarthritis')) options.push('traumaOrthopaedics');
  if (has(gp, 'gord')) options.push('gastroenterology');
  if (ctx.age >= 80 || has(gp, 'dementia')) options.push('geriatrics');
  if (options.length && rng.chance(0.75)) return rng.pick(options);
  return rng.pick<SpecialtyKey>(['generalSurgery', 'ophthalmology', 'neurology', 'gastroenterology', 'generalMedicine']);
}

interface LabContext {
  gender: Gender;
  age: number;
  ckd: boolean;
  diabetic: boolean;
  warfarin: boolean;
  infection: boolean;
  kidneyInjury: boolean;
}

function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Plausible results for a panel; eGFR is derived from creatinine (CKD-EPI 2009), ">90" above 90. */
function labResults(rng: Rng, panel: LabPanelKey, ctx: LabContext): PlannedLabPanel['results'] {
  const female = ctx.gender === 'female';
  const results: PlannedLabPanel['results'] = [];
  let creatinine = 0;
  for (const test of labPanels[panel].tests as readonly LabTestKey[]) {
    switch (test) {
      case 'haemoglobin':
        results.push({ test, value: round(clamp(rng.normal(female ? 132 : 145, 12) - (ctx.age >= 75 ? 8 : 0) - (ctx.ckd ? 8 : 0), 70, 190), 0) });
        break;
      case 'whiteCells':
        results.push({ test, value: round(clamp(ctx.infection ? rng.normal(13.5, 3) : rng.normal(7.2, 1.8), 2, 30), 1) });
        break;
      case 'platelets':
        results.push({ test, value: round(clamp(rng.normal(265, 60), 60, 650), 0) });
        break;
      case 'sodium':
        results.push({ test, value: round(clamp(rng.normal(ctx.age >= 80 ? 136 : 139, 2.5), 122, 150), 0) });
        break;
      case 'potassium':
        results.push({ test, value: round(clamp(rng.normal(ctx.kidneyInjury ? 5.2 : 4.3, 0.4), 2.8, 6.5), 1) });
        break;
      case 'creatinine': {
        let mean = female ? 70 : 85;
        if (ctx.ckd) mean *= 1.6;
        if (ctx.kidneyInjury) mean *= 2.4;
        if (ctx.age < 12) mean *= 0.5;
        creatinine = round(clamp(rng.normal(mean, mean * 0.15), 20, 900), 0);
        results.push({ test, value: creatinine });
        break;
      }
      case 'egfr': {
        if (ctx.age < 18) break; // not reported for children
        const scr = creatinine / 88.4;
        const k = female ? 0.7 : 0.9;
        const alpha = female ? -0.329 : -0.411;
        const egfr = 141 * Math.min(scr / k, 1) ** alpha * Math.max(scr / k, 1) ** -1.209 * 0.993 ** ctx.age * (female ? 1.018 : 1);
        results.push(egfr > 90 ? { test, value: 90, comparator: '>' } : { test, value: round(egfr, 0) });
        break;
      }
      case 'hba1c':
        results.push({ test, value: round(clamp(ctx.diabetic ? rng.normal(58, 9) : rng.normal(36, 3), 25, 120), 0) });
        break;
      case 'crp':
        results.push({ test, value: round(clamp(ctx.infection ? rng.float(30, 220) : rng.normal(3, 2), 1, 350), 0) });
        break;
      case 'inr':
        results.push({ test, value: round(clamp(ctx.warfarin ? rng.normal(2.5, 0.5) : rng.normal(1.0, 0.08), 0.8, 6), 1) });
        break;
    }
  }
  return results;
}

export function acutePlan(rng: Rng, ctx: Context, gp: GpPlan): AcutePlan {
  const svc = services();
  const site = towns[ctx.town].hospital;
  const plan: AcutePlan = { odsCode: svc.acute.odsCode, attendances: [], admissions: [], outpatients: [], labs: [], diagnoses: [], allergies: [], procedures: [] };
  const labBase: Omit<LabContext, 'infection' | 'kidneyInjury'> = {
    gender: ctx.gender,
    age: ctx.age,
    ckd: has(gp, 'ckd3'),
    diabetic: has(gp, 'type2Diabetes'),
    warfarin: onMedicine(gp, 'warfarin3') || onMedicine(gp, 'warfarin1'),
  };

  const hasOutpatients = rng.chance(0.45);
  const attendanceCount = hasOutpatients ? (rng.chance(0.55) ? rng.int(1, 2) : 0) : rng.int(1, 2);
  const current = rng.chance(0.035);

  // Start times, oldest first; a current admission is always the latest.
  const starts: number[] = [];
  for (let i = 0; i < attendanceCount; i++) starts.push(NOW - rng.float(25, 4 * 365) * DAY);
  starts.sort((a, b) => a - b);
  if (current) starts.push(NOW - rng.float(0.5, 9) * DAY);

  const admitChance = ctx.age >= 65 ? 0.45 : ctx.age < 18 ? 0.15 : 0.22;
  starts.forEach((startRaw, i) => {
    const start = Math.floor(startRaw / (5 * MINUTE)) * 5 * MINUTE;
    const isCurrent = current && i === starts.length - 1;
    const admitted = isCurrent || rng.chance(admitChance);
    const aeHours = rng.float(1.5, 7);
    const end = Math.floor((start + aeHours * HOUR) / (5 * MINUTE)) * 5 * MINUTE;
    const attendance: PlannedAttendance = { start, end, reasons: [], site, clinician: pickDoctorName(rng) };
    if (admitted) {
      const reason = rng.weighted(admissionReasons(ctx, gp));
      attendance.reasons = reason === reasons.fracturedNeckOfFemur ? [reasons.fall, reason] : [reason];
      const losDays = ctx.age >= 65 ? rng.int(3, 14) : rng.int(1, 6);
      let disposition: PlannedAdmission['disposition'] = 'home';
      if (ctx.age >= 80 && rng.chance(0.25)) disposition = rng.chance(0.4) ? 'snf' : 'rehab';
      else if (ctx.age >= 65 && rng.chance(0.1)) disposition = 'rehab';
      const admission: PlannedAdmission = {
        start: end,
        reasons: [reason],
        site,
        ward: wardFor(rng, ctx, reason),
        consultant: pickDoctorName(rng),
        viaEmergencyDepartment: true,
      };
      if (!isCurrent) {
        admission.end = Math.min(NOW - 2 * DAY, end + losDays * DAY + rng.int(0, 8) * HOUR);
        admission.disposition = disposition;
      }
      attendance.admission = plan.admissions.length;
      plan.admissions.push(admission);
      const infection = INFECTIONS.has(reason);
      const kidneyInjury = reason === reasons.acuteKidneyInjury;
      const time = end + 30 * MINUTE;
      const admissionIndex = attendance.admission;
      for (const panel of ['fbc', 'ue'] as const) {
        plan.labs.push({ panel, time, results: labResults(rng, panel, { ...labBase, infection, kidneyInjury }), admission: admissionIndex });
      }
      if (infection) plan.labs.push({ panel: 'crp', time, results: labResults(rng, 'crp', { ...labBase, infection, kidneyInjury }), admission: admissionIndex });
      if (labBase.warfarin) plan.labs.push({ panel: 'inr', time, results: labResults(rng, 'inr', { ...labBase, infection, kidneyInjury }), admission: admissionIndex });
    } else {
      const reason = rng.weighted(attendanceReasons(ctx, gp));
      attendance.reasons = [reason];
      if (rng.chance(0.4)) {
        const attendanceIndex = plan.attendances.length;
        const time = start + 45 * MINUTE;
        for (const panel of ['fbc', 'ue'] as const) {
          plan.labs.push({ panel, time, results: labResults(rng, panel, { ...labBase, infection: false, kidneyInjury: false }), attendance: attendanceIndex });
        }
      }
    }
    plan.attendances.push(attendance);
  });

  if (hasOutpatients) {
    const count = rng.int(1, 2);
    for (let i = 0; i < count; i++) {
      const specialty = specialtyFor(rng, ctx, gp);
      const future = rng.chance(0.35);
      const start = future ? workingTime(rng, NOW + rng.int(3, 90) * DAY, 9, 16) : workingTime(rng, daysAgo(rng, 10, 3 * 365), 9, 16);
      if (start < ctx.birthMs) continue;
      const booked = future ? workingTime(rng, daysAgo(rng, 5, 60)) : Math.max(ctx.birthMs, start - rng.int(14, 120) * DAY);
      plan.outpatients.push({
        start,
        booked,
        status: future ? 'booked' : 'fulfilled',
        specialty: specialties[specialty],
        clinic: CLINIC_NAMES[specialty],
        site: towns[ctx.town].outpatientSite,
      });
      if (!future && specialty === 'endocrinology' && labBase.diabetic) {
        plan.labs.push({ panel: 'hba1c', time: start - 7 * DAY, results: labResults(rng, 'hba1c', { ...labBase, infection: false, kidneyInjury: false }) });
      }
    }
    plan.outpatients.sort((a, b) => a.start - b.start);
  }
  return plan;
}

/** Diagnoses an admission ends with once treated (an infection, an exacerbation): resolved at discharge. */
const RESOLVED_AT_DISCHARGE = new Set([reasons.pneumonia, reasons.urinaryTractInfection, reasons.cellulitis, reasons.copdExacerbation, reasons.acuteKidneyInjury, reasons.asthmaAttack]);

/**
 * What the hospital recorded in each admission, drawn from a stream of its own (the encounters and
 * results stay as they were): the admitting diagnosis (an encounter diagnosis), the allergy status
 * asked at clerking (the GP's allergy under the same code, or "no known allergies"), and for a
 * fractured neck of femur the hip replacement the next day.
 */
export function hospitalRecordPlan(rng: Rng, gp: GpPlan, acute: AcutePlan): void {
  acute.admissions.forEach((adm, admission) => {
    const reason = adm.reasons[0];
    const attendance = acute.attendances.findIndex((a) => a.admission === admission);
    const diagnosis = acute.diagnoses.length;
    const resolved = adm.end !== undefined && RESOLVED_AT_DISCHARGE.has(reason) ? adm.end : undefined;
    acute.diagnoses.push({ concept: reason, onset: attendance >= 0 ? acute.attendances[attendance].start : adm.start, recorded: adm.start + rng.int(1, 6) * 10 * MINUTE, admission, ...(resolved ? { resolved } : {}) });
    if (reason === reasons.fracturedNeckOfFemur) {
      // Surgery within 36 hours (NICE hip fracture standard), never after discharge or "now".
      const performed = Math.min(adm.start + rng.int(14, 34) * HOUR, (adm.end ?? NOW) - 6 * HOUR);
      if (performed > adm.start + 2 * HOUR) {
        const side = rng.chance(0.5) ? 'Left hip' : 'Right hip';
        acute.diagnoses[diagnosis].bodySite = { concept: bodySites.hip, text: side };
        acute.procedures.push({ concept: procedures.totalHipReplacement, admission, performed: Math.floor(performed / (5 * MINUTE)) * 5 * MINUTE, surgeon: adm.consultant, reason: diagnosis, bodySite: { concept: bodySites.hip, text: side } });
      }
    }
  });
  // Allergy status is asked at clerking: once, in the latest admission.
  const latest = acute.admissions.length - 1;
  if (latest < 0) return;
  const clerking = { admission: latest, recorded: acute.admissions[latest].start + rng.int(1, 8) * 15 * MINUTE };
  const known = gp.allergies.filter((a) => a.enteredInError === undefined);
  if (known.length && rng.chance(0.8)) {
    const a = known[0];
    acute.allergies.push({ key: a.key, reaction: a.reaction, criticality: a.criticality, recorder: acute.admissions[latest].consultant, ...clerking });
  } else if (!known.length && rng.chance(0.6)) {
    acute.noKnownAllergies = { scope: rng.chance(0.7) ? 'all' : 'medication', ...clerking };
  }
}
