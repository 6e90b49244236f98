/**
 * What a server may ask the client for, and what the app answers: elicitation, sampling and roots.
 * In the legacy era these arrive as server→client requests; in 2026-07-28 as `inputRequests` of an
 * `input_required` result. The app registers one handler per kind and never sees the difference.
 */
import type { ContentBlock, JsonObject, Meta } from './result-types.ts'

/** `elicitation/create` params: a form (`requestedSchema`) or, from 2025-11-25, a URL to open. */
export interface ElicitRequestParams {
  /** `form` (the default when absent) or `url`. */
  readonly mode?: 'form' | 'url'
  readonly message: string
  /** Form mode: a flat object schema of primitive fields. */
  readonly requestedSchema?: JsonObject
  /** URL mode: where the user should go. */
  readonly url?: string
  /** URL mode up to 2025-11-25. */
  readonly elicitationId?: string
  readonly _meta?: Meta
  readonly [key: string]: unknown
}

/** The user's answer to an elicitation. */
export interface ElicitResult {
  readonly action: 'accept' | 'decline' | 'cancel'
  /** Form mode with `accept`: the submitted values. */
  readonly content?: { readonly [key: string]: string | number | boolean | readonly string[] }
  readonly _meta?: Meta
  readonly [key: string]: unknown
}

/** One message of a sampling conversation. */
export interface SamplingMessage {
  readonly role: 'user' | 'assistant'
  readonly content: ContentBlock | readonly ContentBlock[]
  readonly [key: string]: unknown
}

/** `sampling/createMessage` params. */
export interface CreateMessageParams {
  readonly messages: readonly SamplingMessage[]
  readonly maxTokens: number
  readonly systemPrompt?: string
  readonly modelPreferences?: JsonObject
  readonly includeContext?: 'none' | 'thisServer' | 'allServers'
  readonly temperature?: number
  readonly stopSequences?: readonly string[]
  readonly metadata?: JsonObject
  readonly tools?: readonly JsonObject[]
  readonly toolChoice?: JsonObject
  readonly _meta?: Meta
  readonly [key: string]: unknown
}

/** The model's answer to a sampling request. */
export interface CreateMessageResult {
  readonly role: 'user' | 'assistant'
  readonly content: ContentBlock | readonly ContentBlock[]
  readonly model: string
  readonly stopReason?: string
  readonly _meta?: Meta
  readonly [key: string]: unknown
}

/** A directory or file the server may work in. */
export interface Root {
  /** A `file://` URI. */
  readonly uri: string
  readonly name?: string
  readonly _meta?: Meta
  readonly [key: string]: unknown
}

/** What the app's handler learns about the request it answers. */
export interface InputContext {
  /** Aborted when the request that asked for input is cancelled or the client closes. */
  readonly signal: AbortSignal
  /** `legacy`: a server→client request; `modern`: an `inputRequests` entry. */
  readonly era: 'legacy' | 'modern'
  /** The client request that needed the input (modern era), e.g. `tools/call`. */
  readonly method?: string
}

/** Answers `elicitation/create`. */
export type ElicitationHandler = (
  params: ElicitRequestParams,
  context: InputContext,
) => ElicitResult | Promise<ElicitResult>

/** Answers `sampling/createMessage`. */
export type SamplingHandler = (
  params: CreateMessageParams,
  context: InputContext,
) => CreateMessageResult | Promise<CreateMessageResult>

/** Answers `roots/list` with the current roots. */
export type RootsHandler = (context: InputContext) => readonly Root[] | Promise<readonly Root[]>

/**
 * The app's answers to what a server may ask. Registering a handler declares the matching client
 * capability; a server never asks for anything undeclared.
 *
 * @example
 * createClient({
 *   url,
 *   handlers: {
 *     elicitation: async (params) => ({ action: 'accept', content: await showForm(params) }),
 *     roots: () => [{ uri: 'file:///home/me/project', name: 'project' }],
 *   },
 * })
 */
export interface InputHandlers {
  readonly elicitation?: ElicitationHandler
  readonly sampling?: SamplingHandler
  readonly roots?: RootsHandler
}
