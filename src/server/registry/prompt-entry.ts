/**
 * A registered prompt, prepared for requests, with its `Prompt` object projected per revision.
 */
import type { ProtocolRevision } from '../../core/eras/versions.ts'
import { ConfigError } from '../../core/errors/config-error.ts'
import type {
  PromptArgumentDefinition,
  PromptDefinition,
  PromptHandler,
} from './definition-types.ts'
import { assertValidDefinition, setIf, since } from './revision-fields.ts'

/** A prompt ready to serve. */
export interface PromptEntry {
  readonly name: string
  readonly definition: PromptDefinition
  readonly get: PromptHandler
  /** The names of the required arguments. */
  readonly required: readonly string[]
}

function projectArgument(
  argument: PromptArgumentDefinition,
  revision: ProtocolRevision,
): Record<string, unknown> {
  const out: Record<string, unknown> = { name: argument.name }
  setIf(out, 'title', since(revision, '2025-06-18') ? argument.title : undefined)
  setIf(out, 'description', argument.description)
  setIf(out, 'required', argument.required)
  return out
}

/** The `Prompt` object of `revision`. */
export function projectPrompt(
  entry: PromptEntry,
  revision: ProtocolRevision,
): Record<string, unknown> {
  const { definition } = entry
  const out: Record<string, unknown> = { name: entry.name }
  setIf(out, 'title', since(revision, '2025-06-18') ? definition.title : undefined)
  setIf(out, 'description', definition.description)
  setIf(
    out,
    'arguments',
    definition.arguments?.map((argument) => projectArgument(argument, revision)),
  )
  setIf(out, 'icons', since(revision, '2025-11-25') ? definition.icons : undefined)
  setIf(out, '_meta', since(revision, '2025-06-18') ? definition._meta : undefined)
  return out
}

function assertArguments(name: string, args: readonly PromptArgumentDefinition[]): void {
  const seen = new Set<string>()
  for (const argument of args) {
    const bad = seen.has(argument.name)
      ? 'is declared twice'
      : argument.complete !== undefined && typeof argument.complete !== 'function'
        ? 'has a completer that is not a function'
        : undefined
    if (bad !== undefined) {
      throw new ConfigError({
        option: `prompts.${name}.arguments`,
        value: argument,
        message: `Argument "${argument.name}" of prompt ${name} ${bad}`,
      })
    }
    seen.add(argument.name)
  }
}

/** Prepares a prompt; throws a `ConfigError` for a bad definition. */
export function createPromptEntry(
  name: string,
  definition: PromptDefinition,
  get: PromptHandler,
): PromptEntry {
  if (typeof get !== 'function') {
    throw new ConfigError({
      option: `prompts.${name}`,
      value: get,
      message: `prompts.${name} needs a handler function`,
    })
  }
  const args = definition.arguments ?? []
  assertArguments(name, args)
  const required = args.filter((argument) => argument.required === true).map((a) => a.name)
  const entry = { name, definition, get, required }
  assertValidDefinition('Prompt', projectPrompt(entry, '2026-07-28'), `prompts.${name}`)
  return entry
}
