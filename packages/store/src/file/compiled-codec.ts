import type * as t from "io-ts";

/**
 * A decoder compiled from an io-ts codec: the decoded value (deeply equal to the codec's, same key
 * order), or `undefined` where the codec would not accept the input — or where the compiled decoder
 * leaves the input to the codec (an object with an own `"__proto__"` key that the codec would strip:
 * io-ts copies such objects in ways a plain copy does not reproduce). Callers fall back to the codec on
 * `undefined`, so every error is still the codec's error with its path.
 */
export type CompiledDecoder<A> = (u: unknown) => A | undefined;

/** The codec rejects the input. */
const FAIL: unique symbol = Symbol("fail");
/** The input is left to the codec (see {@link CompiledDecoder}); never turned into "try the next member". */
const DECLINE: unique symbol = Symbol("decline");

/** A compiled node: the decoded value, or FAIL / DECLINE (a decoded value is never a symbol here). */
type Node = (u: unknown) => unknown;

/** One member of a record codec: its key, compiled codec, and whether `t.type` (required) or `t.partial`. */
interface Prop {
  readonly key: string;
  readonly codec: t.Mixed;
  readonly node: Node;
  readonly required: boolean;
}

/** The io-ts combinators' runtime fields read here (`_tag` and each combinator's own members). */
interface Described {
  readonly _tag?: string;
  readonly type?: t.Mixed;
  readonly types?: ReadonlyArray<t.Mixed>;
  readonly props?: t.Props;
  readonly value?: unknown;
  readonly keys?: Record<string, unknown>;
  readonly predicate?: (a: unknown) => boolean;
}

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * Compiles an io-ts codec into a {@link CompiledDecoder} once, from the codec's own structure: the same
 * literals, key sets and refinement predicates (the predicate functions themselves), so it cannot
 * drift from the codec. Combinators it knows — string, number, boolean, literal, keyof, brand /
 * refinement, array, union, `t.type`, `t.partial`, their intersection, `t.exact` of those — become
 * plain checks; any other codec is run as itself (`decode`), which is exact but not faster.
 * @example
 * import * as t from "io-ts";
 * const Point = t.exact(t.type({ x: t.number, y: t.number }));
 * const decode = compileDecoder(Point);
 * decode({ x: 1, y: 2, z: 3 }) // { x: 1, y: 2 }
 * decode({ x: "1", y: 2 }) // undefined
 */
export const compileDecoder = <A>(codec: t.Decoder<unknown, A>): CompiledDecoder<A> => {
  const node = compile(codec as unknown as t.Mixed);
  return (u) => {
    const a = node(u);
    return typeof a === "symbol" ? undefined : (a as A);
  };
};

const compile = (codec: t.Mixed): Node => {
  const c = codec as unknown as Described;
  switch (c._tag) {
    case "StringType":
      return (u) => (typeof u === "string" ? u : FAIL);
    case "NumberType":
      return (u) => (typeof u === "number" ? u : FAIL);
    case "BooleanType":
      return (u) => (typeof u === "boolean" ? u : FAIL);
    case "LiteralType": {
      const v = c.value;
      return (u) => (u === v ? v : FAIL);
    }
    case "KeyofType": {
      const keys = c.keys as Record<string, unknown>;
      return (u) => (typeof u === "string" && hasOwn.call(keys, u) ? u : FAIL);
    }
    case "RefinementType":
      return refinement(compile(c.type as t.Mixed), c.predicate as (a: unknown) => boolean);
    case "ArrayType":
      return array(compile(c.type as t.Mixed));
    case "UnionType":
      return union((c.types as t.Mixed[]).map(compile));
    case "ExactType": {
      const props = recordProps(c.type as t.Mixed);
      return props === undefined ? delegate(codec) : record(props, true);
    }
    case "InterfaceType":
    case "PartialType":
    case "IntersectionType": {
      const props = recordProps(codec);
      return props === undefined ? delegate(codec) : record(props, false);
    }
    default:
      return delegate(codec);
  }
};

/** A codec this compiler does not take apart: run as itself. */
const delegate =
  (codec: t.Mixed): Node =>
  (u) => {
    const r = codec.decode(u);
    if (r._tag === "Left") return FAIL;
    return typeof r.right === "symbol" ? DECLINE : r.right;
  };

/** `t.refinement` / `t.brand`: the base codec, then the codec's own predicate on its output. */
const refinement =
  (base: Node, predicate: (a: unknown) => boolean): Node =>
  (u) => {
    const a = base(u);
    if (typeof a === "symbol") return a;
    return predicate(a) ? a : FAIL;
  };

/** `t.array`: every item; a copy only when an item's decoded value differs (as io-ts). */
const array =
  (item: Node): Node =>
  (u) => {
    if (!Array.isArray(u)) return FAIL;
    let out: unknown[] | undefined;
    for (let i = 0; i < u.length; i++) {
      const v: unknown = u[i];
      const a = item(v);
      if (typeof a === "symbol") return a;
      if (a !== v) {
        out ??= u.slice();
        out[i] = a;
      }
    }
    return out ?? u;
  };

/** `t.union`: the first member that accepts (io-ts's tagged unions pick the same member). */
const union =
  (members: ReadonlyArray<Node>): Node =>
  (u) => {
    for (const m of members) {
      const a = m(u);
      if (a !== FAIL) return a;
    }
    return FAIL;
  };

/** The members of `t.type`, `t.partial` or an intersection of them; undefined for anything else. */
const recordProps = (codec: t.Mixed): Prop[] | undefined => {
  const c = codec as unknown as Described;
  if (c._tag === "InterfaceType" || c._tag === "PartialType") {
    const required = c._tag === "InterfaceType";
    return Object.entries(c.props as t.Props).map(([key, p]) => ({
      key,
      codec: p,
      node: compile(p),
      required,
    }));
  }
  if (c._tag !== "IntersectionType") return undefined;
  const all: Prop[] = [];
  for (const member of c.types as t.Mixed[]) {
    const props = recordProps(member);
    if (props === undefined) return undefined;
    all.push(...props);
  }
  // A key in two members is validated by both and merged (io-ts's mergeAll): left to the codec.
  return new Set(all.map((p) => p.key)).size === all.length ? all : undefined;
};

/**
 * A record codec's members, checked as io-ts checks them (a required member must be there; an optional
 * one may be absent or undefined). `strip` (`t.exact`): keys it does not know are dropped. The input
 * object itself is returned when nothing is dropped or changed (as io-ts returns it), else a copy in the
 * input's key order.
 *
 * The checker is generated as one function per record codec: its members read by name and its leaves
 * (string, number, boolean, literal, keyof, and refinements of those, with the codec's own predicate
 * functions) checked inline, so that each property load and predicate call sees one shape and one
 * target. Only the codec's keys (JSON-quoted) enter the generated text; every value it tests against is
 * passed in as an argument.
 */
const record = (props: ReadonlyArray<Prop>, strip: boolean): Node => {
  const index = new Map(props.map((p, i) => [p.key, i]));
  const names = ["FAIL", "DECLINE", "hasOwn", "rebuild", "missing"];
  const values: unknown[] = [FAIL, DECLINE, hasOwn, rebuild(index, strip), missing];
  const arg = (value: unknown): string => {
    names.push(`a${names.length}`);
    values.push(value);
    return names[names.length - 1] as string;
  };
  const lines = [
    'if (typeof o !== "object" || o === null || Array.isArray(o)) return FAIL;',
    "let present = 0, d, v, a;",
  ];
  for (const [i, p] of props.entries()) {
    const k = JSON.stringify(p.key);
    const test = leafTest(p.codec, arg);
    lines.push(
      `v = o[${k}];`,
      "if (v === undefined) {",
      // io-ts validates a missing required member as `undefined`, which no compiled leaf accepts; an
      // optional one is fine absent or undefined.
      p.required ? `  return missing(${arg(p.node)});` : `  if (hasOwn.call(o, ${k})) present++;`,
      "} else {",
      "  present++;",
      ...(test !== undefined
        ? [`  if (!(${test})) return FAIL;`]
        : [
            `  a = ${arg(p.node)}(v);`,
            '  if (typeof a === "symbol") return a;',
            `  if (a !== v) { if (d === undefined) d = []; d[${i}] = a; }`,
          ]),
      "}",
    );
  }
  lines.push(
    ...(strip
      ? [
          "let own = 0;",
          "for (const k in o) if (hasOwn.call(o, k)) own++;",
          "if (d === undefined && own === present) return o;",
        ]
      : ["if (d === undefined) return o;"]),
    "return rebuild(o, d);",
  );
  const make = new Function(...names, `return (o) => {\n${lines.join("\n")}\n};`) as (
    ...a: unknown[]
  ) => Node;
  return make(...values);
};

/** A required member absent: FAIL when its codec rejects `undefined` (every compiled leaf does), else left to the codec. */
const missing = (node: Node): symbol => (node(undefined) === FAIL ? FAIL : DECLINE);

/**
 * The inline test of a leaf codec on `v` (the arguments it needs made by `arg`), or undefined when the
 * codec is not a leaf. A leaf's decoded value is its input, so a passing test leaves `v` as it is.
 */
const leafTest = (codec: t.Mixed, arg: (value: unknown) => string): string | undefined => {
  const c = codec as unknown as Described;
  switch (c._tag) {
    case "StringType":
      return 'typeof v === "string"';
    case "NumberType":
      return 'typeof v === "number"';
    case "BooleanType":
      return 'typeof v === "boolean"';
    case "LiteralType":
      return `v === ${arg(c.value)}`;
    case "KeyofType":
      return `typeof v === "string" && hasOwn.call(${arg(c.keys)}, v)`;
    case "RefinementType": {
      const base = leafTest(c.type as t.Mixed, arg);
      return base === undefined ? undefined : `${base} && ${arg(c.predicate)}(v)`;
    }
    default:
      return undefined;
  }
};

/** The copy io-ts makes of a record whose members changed or (`strip`) that has keys the codec does not know. */
const rebuild =
  (index: ReadonlyMap<string, number>, strip: boolean) =>
  (o: Record<string, unknown>, decoded: unknown[] | undefined): unknown => {
    const r: Record<string, unknown> = {};
    for (const k in o) {
      if (!hasOwn.call(o, k)) continue;
      const i = index.get(k);
      if (i === undefined) {
        if (k === "__proto__") return DECLINE;
        if (!strip) r[k] = o[k];
      } else r[k] = decoded !== undefined && i in decoded ? decoded[i] : o[k];
    }
    return r;
  };
