/**
 * Everything a server definition holds: its tools, resources, templates and prompts, the features
 * they add up to, and the notifiers that hear about changes. Shared by every session and request;
 * per-revision views are computed once and cached until something changes.
 */
import type { ProtocolRevision } from '../../core/eras/versions.ts'
import { SERVER_INFO_META_KEY } from '../../core/schemas/meta-keys.ts'
import { capabilitiesFor, type ResolvedFeatures, resolveFeatures } from './capabilities.ts'
import type { CompletionHandler } from './definition-types.ts'
import { ItemList } from './item-list.ts'
import { type ListKind, NotifierHub } from './notifier-hub.ts'
import { type PromptEntry, projectPrompt } from './prompt-entry.ts'
import {
  projectResource,
  projectTemplate,
  type ResourceEntry,
  type TemplateEntry,
} from './resource-entry.ts'
import { projectImplementation, setIf } from './revision-fields.ts'
import type { ResolvedServerOptions } from './server-options.ts'
import { projectTool, type ToolEntry } from './tool-entry.ts'

/** What `initialize` and `server/discover` say about the server. */
export interface ServerDescription {
  readonly serverInfo: Readonly<Record<string, unknown>>
  readonly capabilities: Readonly<Record<string, unknown>>
  readonly instructions?: string
}

/** The registered items and the features they add up to. */
export class Catalog {
  readonly options: ResolvedServerOptions
  readonly hub: NotifierHub
  readonly tools: ItemList<ToolEntry>
  readonly resources: ItemList<ResourceEntry>
  readonly templates: ItemList<TemplateEntry>
  readonly prompts: ItemList<PromptEntry>
  #completionFallback: CompletionHandler | undefined
  #features: ResolvedFeatures | undefined
  readonly #descriptions = new Map<ProtocolRevision, ServerDescription>()
  #serverMeta: Readonly<Record<string, unknown>> | undefined

  constructor(options: ResolvedServerOptions) {
    this.options = options
    this.hub = new NotifierHub({
      announces: (kind) => this.features()[kind]?.listChanged === true,
      logs: () => this.features().logging,
      onError: (error) => this.report(error, { phase: 'notifier' }),
    })
    const changed = (kind: ListKind) => () => this.#changed(kind)
    this.tools = new ItemList({ label: 'tool', project: projectTool, onChange: changed('tools') })
    this.resources = new ItemList({
      label: 'resource',
      project: projectResource,
      onChange: changed('resources'),
    })
    this.templates = new ItemList({
      label: 'resource template',
      project: projectTemplate,
      onChange: changed('resources'),
    })
    this.prompts = new ItemList({
      label: 'prompt',
      project: projectPrompt,
      onChange: changed('prompts'),
    })
  }

  /** The handler for completions no registered completer covers. */
  get completionFallback(): CompletionHandler | undefined {
    return this.#completionFallback
  }

  set completionFallback(handler: CompletionHandler | undefined) {
    this.#completionFallback = handler
    this.#invalidate()
  }

  /** The features the server serves now. */
  features(): ResolvedFeatures {
    this.#features ??= resolveFeatures(
      {
        tools: this.tools.size > 0,
        resources: this.resources.size > 0 || this.templates.size > 0,
        prompts: this.prompts.size > 0,
        completers: this.#hasCompleters(),
      },
      this.options.capabilities,
    )
    return this.#features
  }

  /** serverInfo, capabilities and instructions as `revision` defines them. */
  describe(revision: ProtocolRevision): ServerDescription {
    let description = this.#descriptions.get(revision)
    if (description === undefined) {
      const out: {
        serverInfo: Record<string, unknown>
        capabilities: Record<string, unknown>
        instructions?: string
      } = {
        serverInfo: projectImplementation(this.options, revision),
        capabilities: capabilitiesFor(this.features(), this.options.capabilities, revision),
      }
      setIf(out, 'instructions', this.options.instructions)
      description = out
      this.#descriptions.set(revision, description)
    }
    return description
  }

  /** The `_meta` naming the server on 2026-07-28 results (one shared, frozen object). */
  serverMeta(): Readonly<Record<string, unknown>> {
    this.#serverMeta ??= Object.freeze({
      [SERVER_INFO_META_KEY]: this.describe('2026-07-28').serverInfo,
    })
    return this.#serverMeta
  }

  /** Hands an unexpected error to `onError`; a throwing `onError` is ignored. */
  report(
    error: unknown,
    context: { phase: 'handler' | 'notifier' | 'notification'; method?: string },
  ): void {
    try {
      this.options.onError?.(error, context)
    } catch {
      // The error reporter failed; nothing sensible is left to do with either error.
    }
  }

  #hasCompleters(): boolean {
    if (this.#completionFallback !== undefined) return true
    const promptCompletes = this.prompts
      .values()
      .some((entry) => entry.definition.arguments?.some((a) => a.complete !== undefined))
    if (promptCompletes) return true
    return this.templates
      .values()
      .some((entry) => Object.keys(entry.definition.complete ?? {}).length > 0)
  }

  #invalidate(): void {
    this.#features = undefined
    this.#descriptions.clear()
  }

  #changed(kind: ListKind): void {
    this.#invalidate()
    this.hub.listChanged(kind)
  }
}
