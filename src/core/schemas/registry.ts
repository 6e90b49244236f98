/**
 * The machinery that turns per-revision type definitions into lazily built, shared schemas.
 *
 * Each MCP revision is a map from schema.ts type names to {@link TypeDef}s. A revision is derived
 * from the previous one by overriding, adding or removing only the types that changed, so most
 * definitions are the very same {@link DefNode} in several revisions. A definition refers to other
 * types by name (`t('ContentBlock')`), which resolves in the revision being built; when
 * `ContentBlock` changes, every type that refers to it is rebuilt for that revision automatically.
 *
 * Schemas are built on first access only, and shared: a node remembers what it built together with
 * the schemas its references resolved to, and hands the same schema to any revision whose references
 * resolve to the same schemas. So the five revisions share most schema objects without any revision
 * having to build another.
 *
 * @internal
 */
import * as z from './kit/index.ts'

/** A loose object schema as the definitions compose them (`.extend`, `.shape`). */
export type ObjectSchema = z.ObjectSchema

/** Resolves type names inside a definition; every resolution is recorded as a dependency. */
export interface Resolver {
  /** The schema of the type `name` in the revision being built. */
  (name: string): z.Schema
  /** Like the call, for a type that must be an object schema (to `.extend` it or read `.shape`). */
  object(name: string): ObjectSchema
  /** The previous revision's schema of the type being defined (for "extends what it was"). */
  base(): ObjectSchema
}

/** Builds one type's schema from the schemas of the types it names. Must be deterministic. */
export type TypeDef = (t: Resolver) => z.Schema

/** Marks a type the revision removed. */
export const REMOVED = 'removed' as const

/** The changes one concern makes in one revision: new or changed types, and removed ones. */
export type DefChanges = Readonly<Record<string, TypeDef | typeof REMOVED>>

/** A concern's changes, keyed by the revision that makes them. */
export type RevisionChanges = Readonly<Partial<Record<string, DefChanges>>>

interface Dependency {
  /** The type name resolved, or `undefined` for {@link Resolver.base}. */
  readonly name: string | undefined
  readonly schema: z.Schema
}

interface Built {
  readonly dependencies: readonly Dependency[]
  readonly schema: z.Schema
}

/** One definition as it sits in one or more revisions. */
export interface DefNode {
  readonly build: TypeDef
  /** The definition this one replaced, for {@link Resolver.base}. */
  readonly parent: DefNode | undefined
  /** What this node built, one entry per distinct set of resolved dependencies. */
  readonly built: Built[]
}

/** The definitions of one revision, by type name. */
export type DefTable = ReadonlyMap<string, DefNode>

/**
 * Applies `changes` (in order) to `parent`, giving the next revision's definitions. Unchanged types
 * keep their node, which is what lets revisions share schemas.
 */
export function deriveDefs(parent: DefTable | undefined, changes: readonly DefChanges[]): DefTable {
  const table = new Map(parent)
  for (const change of changes) {
    for (const [name, def] of Object.entries(change)) {
      if (def === REMOVED) {
        if (!table.delete(name)) throw new Error(`Cannot remove unknown schema type "${name}"`)
        continue
      }
      table.set(name, { build: def, parent: table.get(name), built: [] })
    }
  }
  return table
}

/** Throws unless `schema` is an object schema. */
export function asObject(schema: z.Schema, name: string): ObjectSchema {
  if (!(schema instanceof z.ObjectSchema)) throw new Error(`Schema type "${name}" is not an object`)
  return schema
}

/** Resolves and caches the schemas of one revision, building each on first use. */
export class SchemaTable {
  readonly #defs: DefTable
  readonly #label: string
  readonly #schemas = new Map<string, z.Schema>()
  readonly #building = new Set<string>()

  constructor(defs: DefTable, label: string) {
    this.#defs = defs
    this.#label = label
  }

  /** Whether the revision defines `name`. */
  has(name: string): boolean {
    return this.#defs.has(name)
  }

  /** Every type name of the revision, in definition order. */
  names(): string[] {
    return [...this.#defs.keys()]
  }

  /** How many schemas this table has resolved so far (for laziness checks). */
  get resolvedCount(): number {
    return this.#schemas.size
  }

  /** The schema of `name`, built on first use. Throws for a name the revision does not define. */
  get(name: string): z.Schema {
    const cached = this.#schemas.get(name)
    if (cached !== undefined) return cached
    const node = this.#defs.get(name)
    if (node === undefined) throw new Error(`${this.#label} defines no schema type "${name}"`)
    if (this.#building.has(name))
      throw new Error(`${this.#label}: schema type "${name}" refers to itself`)
    this.#building.add(name)
    try {
      const schema = this.#resolveNode(node, name)
      this.#schemas.set(name, schema)
      return schema
    } finally {
      this.#building.delete(name)
    }
  }

  #resolveNode(node: DefNode, name: string): z.Schema {
    // Reuse what the node built where every dependency resolves to the same schema here.
    const resolve = (dep: Dependency) =>
      dep.name === undefined ? this.#resolveParent(node, name) : this.get(dep.name)
    for (const built of node.built) {
      if (built.dependencies.every((dep) => resolve(dep) === dep.schema)) return built.schema
    }
    const dependencies: Dependency[] = []
    const schema = node.build(this.#resolver(node, name, dependencies))
    node.built.push({ dependencies, schema })
    return schema
  }

  #resolveParent(node: DefNode, name: string): z.Schema {
    if (node.parent === undefined)
      throw new Error(`${this.#label}: "${name}" has no previous definition`)
    return this.#resolveNode(node.parent, name)
  }

  #resolver(node: DefNode, name: string, dependencies: Dependency[]): Resolver {
    const t = ((dependency: string) => {
      const schema = this.get(dependency)
      dependencies.push({ name: dependency, schema })
      return schema
    }) as Resolver
    t.object = (dependency) => asObject(t(dependency), dependency)
    t.base = () => {
      const schema = this.#resolveParent(node, name)
      dependencies.push({ name: undefined, schema })
      return asObject(schema, name)
    }
    return t
  }
}
