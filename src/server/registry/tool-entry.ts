/**
 * A registered tool, prepared for requests: its name checked, its schemas converted and compiled
 * once, and its `Tool` object projected per revision on demand.
 */
import type { ProtocolRevision } from '../../core/eras/versions.ts'
import { ConfigError } from '../../core/errors/config-error.ts'
import type { RequestContext } from './context-types.ts'
import type { ToolDefinition, ToolHandler } from './definition-types.ts'
import { type PreparedSchema, prepareSchema } from './prepare-schema.ts'
import { assertValidDefinition, setIf, since } from './revision-fields.ts'

/** Tool names: 1–128 characters of `[A-Za-z0-9_.-]` (the spec's SHOULD, enforced). */
const TOOL_NAME = /^[A-Za-z0-9_.-]{1,128}$/

/** The input schema of a tool registered without one: any object. */
const ANY_OBJECT = Object.freeze({ type: 'object', properties: Object.freeze({}) })

/** A tool ready to serve. */
export interface ToolEntry {
  readonly name: string
  readonly definition: ToolDefinition
  readonly input: PreparedSchema
  readonly output: PreparedSchema | undefined
  readonly handler: (args: unknown, ctx: RequestContext) => ReturnType<ToolHandler>
}

/** Throws unless `name` is a valid tool name. */
export function assertToolName(name: string): void {
  if (!TOOL_NAME.test(name)) {
    throw new ConfigError({
      option: 'tool.name',
      value: name,
      message: `Tool name ${JSON.stringify(name)} must be 1–128 characters of A-Z, a-z, 0-9, "_", "-" and "."`,
    })
  }
}

function prepareInput(name: string, definition: ToolDefinition): PreparedSchema {
  if (definition.inputSchema === undefined) {
    return definition.inputJsonSchema === undefined
      ? { json: ANY_OBJECT, check: undefined }
      : prepareSchema({
          schema: definition.inputJsonSchema,
          json: undefined,
          io: 'input',
          option: `tools.${name}.inputJsonSchema`,
        })
  }
  const prepared = prepareSchema({
    schema: definition.inputSchema,
    json: definition.inputJsonSchema,
    io: 'input',
    option: `tools.${name}.inputSchema`,
  })
  if (prepared.json.type !== 'object') {
    throw new ConfigError({
      option: `tools.${name}.inputSchema`,
      value: prepared.json,
      message: `tools.${name}.inputSchema must describe an object (type: "object")`,
    })
  }
  return prepared
}

function prepareOutput(name: string, definition: ToolDefinition): PreparedSchema | undefined {
  const schema = definition.outputSchema ?? definition.outputJsonSchema
  if (schema === undefined) return undefined
  return prepareSchema({
    schema,
    json: definition.outputSchema === undefined ? undefined : definition.outputJsonSchema,
    io: 'output',
    option: `tools.${name}.outputSchema`,
  })
}

/**
 * Prepares a tool; throws a `ConfigError` for a bad name, schema or definition.
 *
 * @example
 * createToolEntry('echo', { inputSchema: z.object({ text: z.string() }) }, ({ text }) => text)
 */
export function createToolEntry(
  name: string,
  definition: ToolDefinition,
  handler: ToolHandler<never>,
): ToolEntry {
  assertToolName(name)
  if (typeof handler !== 'function') {
    throw new ConfigError({
      option: `tools.${name}`,
      value: handler,
      message: `tools.${name} needs a handler function`,
    })
  }
  const entry: ToolEntry = {
    name,
    definition,
    input: prepareInput(name, definition),
    output: prepareOutput(name, definition),
    handler: handler as ToolEntry['handler'],
  }
  assertValidDefinition('Tool', projectTool(entry, '2026-07-28'), `tools.${name}`)
  return entry
}

/**
 * The `Tool` object of `revision`. Schemas are the prepared (verbatim) JSON; an `outputSchema` that
 * does not describe an object is left out before 2026-07-28, whose predecessors require one.
 */
export function projectTool(entry: ToolEntry, revision: ProtocolRevision): Record<string, unknown> {
  const { definition } = entry
  const tool: Record<string, unknown> = { name: entry.name }
  setIf(tool, 'title', since(revision, '2025-06-18') ? definition.title : undefined)
  setIf(tool, 'description', definition.description)
  tool.inputSchema = entry.input.json
  const output = entry.output?.json
  const outputKnown =
    since(revision, '2026-07-28') || (since(revision, '2025-06-18') && output?.type === 'object')
  setIf(tool, 'outputSchema', outputKnown ? output : undefined)
  setIf(tool, 'annotations', since(revision, '2025-03-26') ? definition.annotations : undefined)
  setIf(tool, 'icons', since(revision, '2025-11-25') ? definition.icons : undefined)
  setIf(tool, '_meta', since(revision, '2025-06-18') ? definition._meta : undefined)
  return tool
}

/** Whether `revision` can carry this tool's `structuredContent` (legacy: objects only). */
export function carriesStructuredContent(
  entryOutput: PreparedSchema | undefined,
  value: unknown,
  revision: ProtocolRevision,
): boolean {
  if (since(revision, '2026-07-28')) return true
  if (!since(revision, '2025-06-18')) return false
  const isObject = typeof value === 'object' && value !== null && !Array.isArray(value)
  return isObject && (entryOutput === undefined || entryOutput.json.type === 'object')
}
