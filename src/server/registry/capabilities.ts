/**
 * The server capabilities a registry declares, per revision. A feature is declared once something
 * of its kind is registered (or when the options force it), and methods of an undeclared feature
 * answer `-32601`: a client never sees a capability the server cannot serve, nor a method it did
 * not declare.
 */
import type { ProtocolRevision } from '../../core/eras/versions.ts'
import type { JsonObject } from './content-types.ts'

/** Capability overrides: `false` turns a feature off, an object forces it on with those flags. */
export interface CapabilityOptions {
  /** @default declared with `listChanged: true` once a tool is registered */
  readonly tools?: { readonly listChanged?: boolean } | false
  /** @default declared with `subscribe: true, listChanged: true` once a resource or template is registered */
  readonly resources?: { readonly subscribe?: boolean; readonly listChanged?: boolean } | false
  /** @default declared with `listChanged: true` once a prompt is registered */
  readonly prompts?: { readonly listChanged?: boolean } | false
  /** Handlers may log with `ctx.log`. @default true */
  readonly logging?: boolean
  /** `completion/complete`. @default true once a completer is registered */
  readonly completions?: boolean
  /** Non-standard capabilities, declared as given. */
  readonly experimental?: Readonly<Record<string, JsonObject>>
  /** 2026-07-28 extensions, declared as given (dropped for legacy revisions). */
  readonly extensions?: Readonly<Record<string, JsonObject>>
}

/** Which kinds of items the registry holds. */
export interface CatalogPresence {
  readonly tools: boolean
  readonly resources: boolean
  readonly prompts: boolean
  readonly completers: boolean
}

/** The features a server serves, resolved from what it holds and its options. */
export interface ResolvedFeatures {
  readonly tools: { readonly listChanged: boolean } | undefined
  readonly resources: { readonly subscribe: boolean; readonly listChanged: boolean } | undefined
  readonly prompts: { readonly listChanged: boolean } | undefined
  readonly logging: boolean
  readonly completions: boolean
}

/** The features of a server holding `presence` with `options`. */
export function resolveFeatures(
  presence: CatalogPresence,
  options: CapabilityOptions = {},
): ResolvedFeatures {
  const { tools, resources, prompts } = options
  return {
    tools:
      tools === false || (tools === undefined && !presence.tools)
        ? undefined
        : { listChanged: tools?.listChanged ?? true },
    resources:
      resources === false || (resources === undefined && !presence.resources)
        ? undefined
        : { subscribe: resources?.subscribe ?? true, listChanged: resources?.listChanged ?? true },
    prompts:
      prompts === false || (prompts === undefined && !presence.prompts)
        ? undefined
        : { listChanged: prompts?.listChanged ?? true },
    logging: options.logging ?? true,
    completions: options.completions ?? presence.completers,
  }
}

/** The `ServerCapabilities` object of `revision` for `features`. */
export function capabilitiesFor(
  features: ResolvedFeatures,
  options: CapabilityOptions,
  revision: ProtocolRevision,
): Record<string, unknown> {
  const capabilities: Record<string, unknown> = {}
  if (options.experimental !== undefined) capabilities.experimental = options.experimental
  if (features.logging) capabilities.logging = {}
  // `completions` was added in 2025-03-26; 2024-11-05 serves completion/complete undeclared.
  if (features.completions && revision >= '2025-03-26') capabilities.completions = {}
  if (features.prompts !== undefined) capabilities.prompts = { ...features.prompts }
  if (features.resources !== undefined) capabilities.resources = { ...features.resources }
  if (features.tools !== undefined) capabilities.tools = { ...features.tools }
  if (options.extensions !== undefined && revision >= '2026-07-28') {
    capabilities.extensions = options.extensions
  }
  return capabilities
}
