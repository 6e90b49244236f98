/**
 * Registered resources and resource templates, prepared for requests, with their `Resource` and
 * `ResourceTemplate` objects projected per revision.
 */
import type { ProtocolRevision } from '../../core/eras/versions.ts'
import { ConfigError } from '../../core/errors/config-error.ts'
import type {
  Completer,
  ResourceDefinition,
  ResourceReader,
  ResourceTemplateDefinition,
} from './definition-types.ts'
import { assertValidDefinition, setIf, since } from './revision-fields.ts'
import { checkCacheHint } from './server-options.ts'
import { UriTemplate } from './uri-template.ts'

/** A static resource ready to serve. */
export interface ResourceEntry {
  readonly uri: string
  readonly definition: ResourceDefinition
  readonly read: ResourceReader
}

/** A resource template ready to serve. */
export interface TemplateEntry {
  readonly template: UriTemplate
  readonly definition: ResourceTemplateDefinition
  readonly read: ResourceReader
}

function assertReader(read: unknown, option: string): void {
  if (typeof read !== 'function') {
    throw new ConfigError({ option, value: read, message: `${option} needs a read function` })
  }
}

function assertCompleters(
  complete: Readonly<Record<string, Completer>> | undefined,
  template: UriTemplate,
): void {
  for (const [name, completer] of Object.entries(complete ?? {})) {
    if (!template.variables.includes(name) || typeof completer !== 'function') {
      throw new ConfigError({
        option: `resourceTemplates.${template.template}.complete.${name}`,
        value: completer,
        message: `Completer "${name}" must be a function for a variable of ${template.template}`,
      })
    }
  }
}

/** The fields `Resource` and `ResourceTemplate` share, as `revision` defines them. */
function projectMetadata(
  definition: ResourceDefinition | ResourceTemplateDefinition,
  revision: ProtocolRevision,
  out: Record<string, unknown>,
): Record<string, unknown> {
  out.name = definition.name
  setIf(out, 'title', since(revision, '2025-06-18') ? definition.title : undefined)
  setIf(out, 'description', definition.description)
  setIf(out, 'mimeType', definition.mimeType)
  setIf(out, 'annotations', definition.annotations)
  setIf(out, 'icons', since(revision, '2025-11-25') ? definition.icons : undefined)
  setIf(out, '_meta', since(revision, '2025-06-18') ? definition._meta : undefined)
  return out
}

/** The `Resource` object of `revision`. */
export function projectResource(
  entry: ResourceEntry,
  revision: ProtocolRevision,
): Record<string, unknown> {
  const out = projectMetadata(entry.definition, revision, { uri: entry.uri })
  setIf(out, 'size', entry.definition.size)
  return out
}

/** The `ResourceTemplate` object of `revision`. */
export function projectTemplate(
  entry: TemplateEntry,
  revision: ProtocolRevision,
): Record<string, unknown> {
  return projectMetadata(entry.definition, revision, { uriTemplate: entry.template.template })
}

/** Prepares a static resource; throws a `ConfigError` for a bad definition. */
export function createResourceEntry(
  uri: string,
  definition: ResourceDefinition,
  read: ResourceReader,
): ResourceEntry {
  assertReader(read, `resources.${uri}`)
  checkCacheHint(`resources.${uri}.cache`, definition.cache)
  const entry = { uri, definition, read }
  assertValidDefinition('Resource', projectResource(entry, '2026-07-28'), `resources.${uri}`)
  return entry
}

/** Prepares a resource template; throws a `ConfigError` for a bad template or definition. */
export function createTemplateEntry(
  uriTemplate: string,
  definition: ResourceTemplateDefinition,
  read: ResourceReader,
): TemplateEntry {
  assertReader(read, `resourceTemplates.${uriTemplate}`)
  checkCacheHint(`resourceTemplates.${uriTemplate}.cache`, definition.cache)
  const template = new UriTemplate(uriTemplate)
  assertCompleters(definition.complete, template)
  if (definition.list !== undefined && typeof definition.list !== 'function') {
    const option = `resourceTemplates.${uriTemplate}.list`
    throw new ConfigError({
      option,
      value: definition.list,
      message: `${option} must be a function`,
    })
  }
  const entry = { template, definition, read }
  assertValidDefinition(
    'ResourceTemplate',
    projectTemplate(entry, '2026-07-28'),
    `resourceTemplates.${uriTemplate}`,
  )
  return entry
}
