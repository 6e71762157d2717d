import {
  GraphQLError,
  Kind,
  TypeInfo,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  valueFromASTUntyped,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { bilingual } from './errors.js';
import { isDatabaseId } from './ids.js';

/**
 * Bounds on every input of every GraphQL endpoint, applied before execution from the schema's types, so no input
 * class has to repeat them. Fields named in LONG_TEXT, LIST_SIZES and NUMBER_DOMAINS get other bounds than the
 * defaults; every ID names a database row (ids.ts). docs/security.md lists them all.
 */
export const INPUT_LIMITS = {
  /** Characters in a String or ID input (names, codes, references). */
  text: 500,
  /** Characters in the long-text fields of LONG_TEXT (notes, descriptions, quotes, evidence, reasons). */
  longText: 10_000,
  /** Items in a list input. */
  list: 1_000,
  /** Nesting of objects and lists in one input value (a rule's groups nest two levels each). */
  depth: 24,
  /** Largest magnitude of a Float input (1e15: a quadrillion đồng). */
  float: 1e15,
};

/** Free-text fields, by field name: the plan's words, notes, evidence, reasons. */
const LONG_TEXT = new Set([
  'note',
  'description',
  'evidence',
  'reason',
  'overrideReason',
  'criteriaText',
  'quote',
  'basisNote',
  'issuerNote',
  'source',
  'title',
  'slogan',
  'label',
]);

/** Lists documented with another bound, by `Type.field` or `Type.field(argument)`. */
const LIST_SIZES: Record<string, number> = {
  'Query.unitsByIds(ids)': 500,
  // A rule has at most 200 conditions in all (rule.ts counts them); no group holds more.
  'RuleInput.all': 200,
  'RuleInput.any': 200,
  // What the gateway's query planner sends a subgraph: bounded by the operation cost limit anyway.
  'Query._entities(representations)': 25_000,
};

const YEAR: [number, number] = [1900, 2100];
const COUNT: [number, number] = [0, 1_000_000_000];
const VND: [number, number] = [0, INPUT_LIMITS.float];

/** Numeric domains by field name; a Float not named here lies within ±INPUT_LIMITS.float. */
export const NUMBER_DOMAINS: Record<string, [number, number]> = {
  year: YEAR,
  yearFrom: YEAR,
  baseYear: YEAR,
  countSince: YEAR,
  fromYear: YEAR,
  toYear: YEAR,
  validInYear: YEAR,
  offset: COUNT,
  numerator: COUNT,
  denominator: COUNT,
  datasetCount: COUNT,
  quota: COUNT,
  min: COUNT,
  number: COUNT,
  criterionNumber: COUNT,
  expectedVersion: [0, 2_147_483_647],
  communeGroup: [1, 3],
  deadlineDay: [1, 31],
  deadlineMonth: [1, 12],
  valueVnd: VND,
  unitPriceVnd: VND,
  minVnd: VND,
  ownMinVnd: VND,
  quantity: [0, 1e12],
};

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** BAD_USER_INPUT naming the field as services do (`field`: its name) and where it sits (`coordinate`: `Type.field`). */
const refuse = (vi: string, en: string, field?: string, coordinate?: string) =>
  new GraphQLError(bilingual(vi, en), {
    extensions: { code: 'BAD_USER_INPUT', ...(field ? { field } : {}), ...(coordinate ? { coordinate } : {}), http: { status: 400 } },
  });

/**
 * Checks raw values without recursion (a value nested thousands of levels must not overflow the stack): nesting,
 * NUL characters (PostgreSQL cannot store them), lone UTF-16 surrogates (not text), non-finite numbers.
 */
function checkRaw(root: unknown, where: string): void {
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length) {
    const [value, depth] = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000'))
        throw refuse(`Dữ liệu chứa ký tự NUL không hợp lệ (${where})`, `Input contains a NUL character (${where})`);
      if (LONE_SURROGATE.test(value))
        throw refuse(`Văn bản chứa ký tự UTF-16 không hợp lệ (${where})`, `Text contains a lone UTF-16 surrogate (${where})`);
    } else if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw refuse(`Số không hữu hạn (${where})`, `A number is not finite (${where})`);
    } else if (value !== null && typeof value === 'object') {
      if (depth >= INPUT_LIMITS.depth) {
        throw refuse(
          `Dữ liệu lồng quá ${INPUT_LIMITS.depth} cấp (${where})`,
          `Input nests deeper than ${INPUT_LIMITS.depth} levels (${where})`,
        );
      }
      for (const [key, item] of Array.isArray(value) ? value.entries() : Object.entries(value)) {
        stack.push([key, depth + 1], [item, depth + 1]);
      }
    }
  }
}

/** Literals in the operation text: the same checks, and float literals such as 1e400 that overflow to Infinity. */
function checkLiterals(document: DocumentNode): void {
  visit(document, {
    [Kind.STRING]: (node) => checkRaw(node.value, 'literal'),
    [Kind.FLOAT]: (node) => checkRaw(Number(node.value), `literal ${node.value.slice(0, 40)}`),
  });
}

const listBound = (coordinate: string) => LIST_SIZES[coordinate] ?? INPUT_LIMITS.list;
const textBound = (name: string) => (LONG_TEXT.has(name) ? INPUT_LIMITS.longText : INPUT_LIMITS.text);

/** Walks one input value along its type: text lengths, list sizes and numeric domains. */
function checkTyped(value: unknown, type: GraphQLInputType, coordinate: string, name: string): void {
  if (value === null || value === undefined) return;
  if (isNonNullType(type)) return checkTyped(value, type.ofType, coordinate, name);
  if (isListType(type)) {
    if (!Array.isArray(value)) return checkTyped(value, type.ofType, coordinate, name);
    const max = listBound(coordinate);
    if (value.length > max)
      throw refuse(
        `${coordinate}: tối đa ${max} mục (có ${value.length})`,
        `${coordinate} takes at most ${max} items (got ${value.length})`,
        name,
        coordinate,
      );
    for (const item of value) checkTyped(item, type.ofType, coordinate, name);
    return;
  }
  if (isInputObjectType(type)) {
    if (typeof value !== 'object' || Array.isArray(value)) return;
    const fields = type.getFields();
    for (const [key, item] of Object.entries(value)) {
      if (fields[key]) checkTyped(item, fields[key].type, `${type.name}.${key}`, key);
    }
    return;
  }
  if (!isScalarType(type)) return;
  if (type.name === 'ID' && !isDatabaseId(value)) {
    const shown = JSON.stringify(value).slice(0, 40);
    throw refuse(`Mã định danh không hợp lệ: ${shown} (${coordinate})`, `Invalid id ${shown} (${coordinate})`, name, coordinate);
  }
  if (typeof value === 'string' && type.name === 'String') {
    const max = textBound(name);
    if (value.length > max)
      throw refuse(
        `${coordinate}: tối đa ${max} ký tự (có ${value.length})`,
        `${coordinate} takes at most ${max} characters (got ${value.length})`,
        name,
        coordinate,
      );
  }
  if (typeof value === 'number' && (type.name === 'Float' || type.name === 'Int')) {
    const [min, max] = NUMBER_DOMAINS[name] ?? (type.name === 'Float' ? [-INPUT_LIMITS.float, INPUT_LIMITS.float] : [-Infinity, Infinity]);
    if (value < min || value > max)
      throw refuse(
        `${coordinate} phải từ ${min} đến ${max} (có ${value})`,
        `${coordinate} must lie between ${min} and ${max} (got ${value})`,
        name,
        coordinate,
      );
  }
}

/** Every argument of every field in the document, checked against its type. */
function checkArguments(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>): void {
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      [Kind.ARGUMENT]: (node) => {
        const argument = typeInfo.getArgument();
        const field = typeInfo.getFieldDef();
        const parent = typeInfo.getParentType();
        if (!argument || !field || !parent) return;
        const value = node.value.kind === Kind.VARIABLE ? variables[node.value.name.value] : valueFromASTUntyped(node.value, variables);
        checkTyped(value, argument.type, `${parent.name}.${field.name}(${argument.name})`, argument.name);
      },
    }),
  );
}

/**
 * Checks an operation's inputs before it runs: raw variables and literals first (so nothing below recurses on a
 * hostile value), then every argument against its type's bounds. Throws BAD_USER_INPUT on the first breach.
 */
export function checkInputs(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined): void {
  checkRaw(variables ?? {}, 'variables');
  checkLiterals(document);
  checkArguments(schema, document, variables ?? {});
}
