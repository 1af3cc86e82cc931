import { readFileSync } from 'node:fs';
import {
  getNamedType,
  isCompositeType,
  Kind,
  parse,
  print,
  TypeInfo as GraphQLTypeInfo,
  validate,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FieldDefinitionNode,
  type FieldNode,
  type OperationDefinitionNode,
  type TypeNode,
} from 'graphql';
import { supergraphApiSchema } from '@shareforyou/schema/src/compose';
import { classifyField, loadPolicy, loadSubgraphSdl, profileMaySee, subgraphServices } from '@shareforyou/schema';

/**
 * The benchmark's queries, built from the subgraphs that exist (schema/<name>.graphql for every
 * entry of the service list), so a newly added organisation is in the record summary without
 * touching the bench. Fields the user's profile may not see (policy.yaml) are left out, so a
 * FORBIDDEN_FIELD never counts as a benchmark error.
 */

const BUILT_IN_SCALARS = new Set(['String', 'ID', 'Boolean', 'Int', 'Float']);
/** How deep the summary goes below Patient (Patient.medications.medication.display is 2). */
const MAX_NESTING = 2;

interface TypeInfo {
  kind: 'object' | 'leaf';
  fields: FieldDefinitionNode[];
}

function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}

function isList(type: TypeNode): boolean {
  if (type.kind === Kind.LIST_TYPE) return true;
  return type.kind === Kind.NON_NULL_TYPE ? isList(type.type) : false;
}

class SubgraphShape {
  readonly types = new Map<string, TypeInfo>();

  constructor(
    readonly name: string,
    document: DocumentNode,
  ) {
    for (const definition of document.definitions) {
      if (definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.OBJECT_TYPE_EXTENSION) {
        const existing = this.types.get(definition.name.value);
        const fields = [...(existing?.fields ?? []), ...(definition.fields ?? [])];
        this.types.set(definition.name.value, { kind: 'object', fields });
      } else if (definition.kind === Kind.ENUM_TYPE_DEFINITION || definition.kind === Kind.SCALAR_TYPE_DEFINITION) {
        this.types.set(definition.name.value, { kind: 'leaf', fields: [] });
      }
    }
  }

  isLeaf(typeName: string): boolean {
    return BUILT_IN_SCALARS.has(typeName) || this.types.get(typeName)?.kind === 'leaf';
  }

  /** Patient fields this subgraph defines, minus the key and the fields it only names (@external: another subgraph's). */
  patientFields(): FieldDefinitionNode[] {
    return (this.types.get('Patient')?.fields ?? []).filter((f) => f.name.value !== 'nhsNumber' && !f.directives?.some((d) => d.name.value === 'external'));
  }

  queryField(name: string): FieldDefinitionNode | undefined {
    return this.types.get('Query')?.fields.find((f) => f.name.value === name);
  }

  /** Every field without required arguments, nested objects down to `depth` more levels. */
  fullSelection(typeName: string, depth: number): string {
    const parts: string[] = [];
    for (const field of this.types.get(typeName)?.fields ?? []) {
      if (field.arguments?.some((a) => a.type.kind === Kind.NON_NULL_TYPE && !a.defaultValue)) continue;
      const fieldType = namedType(field.type);
      if (this.isLeaf(fieldType)) parts.push(field.name.value);
      else if (depth > 0 && this.types.get(fieldType)?.kind === 'object') {
        const inner = this.fullSelection(fieldType, depth - 1);
        if (inner) parts.push(`${field.name.value} { ${inner} }`);
      }
    }
    return parts.join(' ');
  }

  /** The least that shows a field is there: a leaf, `{ id }`, `{ lastUpdated }` or the first leaf. */
  minimalSelection(field: FieldDefinitionNode): string {
    const typeName = namedType(field.type);
    if (this.isLeaf(typeName)) return field.name.value;
    const inner = this.types.get(typeName)?.fields ?? [];
    const pick = ['id', 'lastUpdated', 'text'].find((n) => inner.some((f) => f.name.value === n)) ?? inner.find((f) => this.isLeaf(namedType(f.type)))?.name.value;
    return pick ? `${field.name.value} { ${pick} }` : '';
  }
}

let shapes: SubgraphShape[] | undefined;

function subgraphShapes(): SubgraphShape[] {
  shapes ??= subgraphServices.map((s) => new SubgraphShape(s.name, parse(loadSubgraphSdl(s.name))));
  return shapes;
}

function visible(profile: string, field: FieldDefinitionNode): boolean {
  const policy = loadPolicy();
  const classification = classifyField(policy, 'Patient', field.name.value);
  return classification.kind === 'category' && profileMaySee(policy, profile, classification.category);
}

/** The subgraph that computes the combined record from the others' fields (measured as a workload of its own). */
const COMBINED = 'combined';

/** Subgraphs that contribute to a Patient record: the registry (demographics) and every organisation. */
function patientSubgraphs(): SubgraphShape[] {
  return subgraphShapes().filter((s) => s.name !== COMBINED && s.patientFields().length > 0);
}

/** One subgraph's part of the record summary: every Patient field it defines that the profile may see. */
function summarySelection(shape: SubgraphShape, profile: string, only: string[] | null): string {
  return shape
    .patientFields()
    .filter((f) => visible(profile, f) && (only === null || only.includes(f.name.value)))
    .map((f) => {
      const typeName = namedType(f.type);
      if (shape.isLeaf(typeName)) return f.name.value;
      const inner = shape.fullSelection(typeName, MAX_NESTING - 1);
      return inner ? `${f.name.value} { ${inner} }` : '';
    })
    .filter(Boolean)
    .join(' ');
}

/**
 * One subgraph's part of a caseload row: from the registry name and birth date; from each
 * organisation its first two panels and its source freshness, minimally.
 */
function caseloadSelection(shape: SubgraphShape, profile: string): string {
  const fields = shape.patientFields().filter((f) => visible(profile, f));
  if (shape.name === 'registry') {
    return fields
      .filter((f) => ['name', 'birthDate', 'registeredPractice'].includes(f.name.value))
      .map((f) => shape.minimalSelection(f))
      .join(' ');
  }
  const source = fields.find((f) => namedType(f.type) === 'SourceFreshness');
  const panels = fields.filter((f) => f !== source && isList(f.type)).slice(0, 2);
  return [...panels, ...(source ? [source] : [])].map((f) => shape.minimalSelection(f)).filter(Boolean).join(' ');
}

export interface RecordQueries {
  /** Through a gateway: one query. */
  gateway: string;
  /** The floor: one _entities query per subgraph. */
  perSubgraph: Array<{ subgraph: string; query: string }>;
}

/** The Patient fields a record summary asks of each subgraph, by subgraph. */
export type SummaryFields = Record<string, string[]>;

/** The Patient fields this build's record summary asks of each subgraph (for a later --summary-fields). */
export function summaryFields(profile: string): SummaryFields {
  return Object.fromEntries(patientSubgraphs().map((shape) => [shape.name, shape.patientFields().filter((f) => visible(profile, f)).map((f) => f.name.value)]));
}

/**
 * Summary fields written by an earlier build (`npm run bench -- --print-summary-fields > file`), so
 * two builds are measured on the same sections; a broken file stops the run before any stack starts.
 */
export function readSummaryFields(file: string): SummaryFields {
  const fields = readWrittenByBench(file, 'summary-fields');
  const wellFormed = fields !== null && typeof fields === 'object' && Object.values(fields).every((names) => Array.isArray(names) && names.every((n) => typeof n === 'string'));
  if (!wellFormed) throw new Error(`--summary-fields ${file}: expected { "<subgraph>": ["<Patient field>", ...] }, as --print-summary-fields writes.`);
  return fields as SummaryFields;
}

/** A JSON file an earlier build's `--print-<option>` wrote; one that cannot be read says how to write one. */
function readWrittenByBench(file: string, option: 'summary-fields' | 'summary-query'): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`--${option} ${file}: ${(error as Error).message}. Write one with: npm run bench -- --print-${option} > ${file}`);
  }
}

/** Fields of `only` that this build's subgraphs no longer define (or the profile may no longer see), as subgraph.field. */
export function summaryFieldsMissing(profile: string, only: SummaryFields): string[] {
  const today = summaryFields(profile);
  return Object.entries(only).flatMap(([subgraph, names]) => names.filter((n) => !today[subgraph]?.includes(n)).map((n) => `${subgraph}.${n}`));
}

/**
 * The record summary: every Patient field of every subgraph that the profile may see, each whole
 * (two levels deep); with `only`, just those fields (another build's sections, as they are shaped today).
 */
export function recordSummaryQueries(profile: string, only?: SummaryFields): RecordQueries {
  const parts = patientSubgraphs()
    .map((shape) => ({ subgraph: shape.name, selection: summarySelection(shape, profile, only?.[shape.name] ?? (only ? [] : null)) }))
    .filter((p) => p.selection);
  return {
    gateway: `query RecordSummary($nhsNumber: String!) { patient(nhsNumber: $nhsNumber) { nhsNumber ${parts.map((p) => p.selection).join(' ')} } }`,
    perSubgraph: parts.map((p) => ({ subgraph: p.subgraph, query: entitiesQuery('RecordSummary', p.selection) })),
  };
}

/**
 * The combined record: every combined section the profile may see, items with every source's
 * item (three levels: section, item, source). Through a gateway only: it has no floor of its own
 * (its subgraph needs the other sources' items in each representation).
 */
export function combinedRecordQuery(profile: string): string | null {
  const shape = subgraphShapes().find((s) => s.name === COMBINED);
  const fields = (shape?.patientFields() ?? []).filter((f) => visible(profile, f));
  if (!shape || fields.length === 0) return null;
  const selection = fields.map((f) => `${f.name.value} { ${shape.fullSelection(namedType(f.type), 2)} }`).join(' ');
  return `query CombinedRecord($nhsNumber: String!) { patient(nhsNumber: $nhsNumber) { nhsNumber ${selection} } }`;
}

export function caseloadQueries(profile: string): RecordQueries {
  const parts = patientSubgraphs().map((shape) => ({ subgraph: shape.name, selection: caseloadSelection(shape, profile) })).filter((p) => p.selection);
  return {
    gateway: `query Caseload($nhsNumbers: [String!]!) { patients(nhsNumbers: $nhsNumbers) { nhsNumber ${parts.map((p) => p.selection).join(' ')} } }`,
    perSubgraph: parts.map((p) => ({ subgraph: p.subgraph, query: entitiesQuery('Caseload', p.selection) })),
  };
}

function entitiesQuery(operation: string, selection: string): string {
  return `query ${operation}Floor($representations: [_Any!]!) { _entities(representations: $representations) { ... on Patient { nhsNumber ${selection} } } }`;
}

/** The privacy officer's access-log page for one patient, when the audit subgraph serves accessLog. */
export function accessLogQuery(): string | null {
  const audit = subgraphShapes().find((s) => s.name === 'audit');
  const field = audit?.queryField('accessLog');
  if (!audit || !field) return null;
  const selection = audit.fullSelection(namedType(field.type), 2);
  return `query AccessLog($nhsNumber: String!) { accessLog(filter: { nhsNumber: $nhsNumber }, first: 50) { ${selection} } }`;
}

/**
 * Another build's record summary, as that build asked it (`npm run bench -- --print-summary-query`),
 * so two builds are measured on the very same request: the same fields with the same subfields,
 * not each section as whole as this build's schema makes it. What this build's schema no longer has
 * (a field renamed, a leaf become an object) is left out and named; the floor's per-subgraph
 * queries are the same selection, split by the subgraph that owns each Patient field.
 */
export function recordSummaryFromQuery(text: string): { queries: RecordQueries; leftOut: string[] } {
  const schema = supergraphApiSchema();
  const leftOut: string[] = [];
  const typeInfo = new GraphQLTypeInfo(schema);
  const pruned = visit(
    parse(text),
    visitWithTypeInfo(typeInfo, {
      Field: {
        enter(node) {
          const parent = typeInfo.getParentType()?.name ?? '?';
          const definition = typeInfo.getFieldDef();
          const composite = definition ? isCompositeType(getNamedType(definition.type)) : false;
          if (!definition || composite !== Boolean(node.selectionSet)) {
            leftOut.push(`${parent}.${node.name.value}`);
            return null;
          }
          return undefined;
        },
        leave(node) {
          // A field whose every subfield was left out goes too.
          if (node.selectionSet && node.selectionSet.selections.length === 0) {
            leftOut.push(`${typeInfo.getParentType()?.name ?? '?'}.${node.name.value}`);
            return null;
          }
          return undefined;
        },
      },
    }),
  );
  const errors = validate(schema, pruned);
  if (errors.length) throw new Error(`the summary query does not fit this build: ${errors.map((e) => e.message).join('; ')}`);
  const operation = pruned.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const patient = operation?.selectionSet.selections.find((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === 'patient');
  const fields = (patient?.selectionSet?.selections ?? []).filter((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value !== 'nhsNumber');
  const perSubgraph = patientSubgraphs()
    .map((shape) => {
      const owned = new Set(shape.patientFields().map((f) => f.name.value));
      return { subgraph: shape.name, selection: fields.filter((f) => owned.has(f.name.value)).map((f) => print(f)).join(' ') };
    })
    .filter((p) => p.selection)
    .map((p) => ({ subgraph: p.subgraph, query: entitiesQuery('RecordSummary', p.selection) }));
  return { queries: { gateway: print(pruned), perSubgraph }, leftOut };
}

/** A summary query written by --print-summary-query; a broken file stops the run before any stack starts. */
export function readSummaryQuery(file: string): string {
  const gateway = (readWrittenByBench(file, 'summary-query') as { gateway?: unknown } | null)?.gateway;
  if (typeof gateway !== 'string') throw new Error(`--summary-query ${file}: expected { "gateway": "query RecordSummary ..." }, as --print-summary-query writes.`);
  return gateway;
}
