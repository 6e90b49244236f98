// How the fixture builds its client: the lifecycle comes from MCP_CONFORMANCE_PROTOCOL_VERSION,
// which the suite sets to the revision a scenario runs at (SPEC §11.5).
import { isLegacyRevision, isModernRevision } from 'mcpkit'
import type { McpClient } from 'mcpkit/client'
import { type ClientOptions, createClient, createEraCache, endpointKey } from 'mcpkit/client'

/** The client settings every scenario shares, beside the URL and the lifecycle. */
export type FixtureOptions = Omit<
  ClientOptions,
  'url' | 'connection' | 'protocolVersion' | 'eraCache'
>

/**
 * A client for `url` that speaks the lifecycle of `revision` from its first request:
 * - `2026-07-28`: pinned, so requests go out modern (`_meta`, `MCP-Protocol-Version`) without a
 *   `server/discover` probe; several mock servers of the suite have none;
 * - `2024-11-05` and `2025-*`: straight to `initialize`, through an era cache that already knows
 *   the endpoint as legacy (Streamable HTTP; HTTP+SSE for 2024-11-05). The client still accepts an
 *   older revision in the server's answer (the `sse-retry` mock answers `2025-03-26`), which
 *   pinning the version would refuse;
 * - unset (a manual run): negotiate as any app would.
 */
export function fixtureClient(
  url: string,
  revision: string | undefined,
  options: FixtureOptions = {},
): McpClient {
  const base: ClientOptions = {
    name: 'mcpkit-everything-client',
    version: '1.0.0',
    // Below the suite's default 30 s per client, yet generous: it starts every scenario at once.
    requestTimeoutMs: 25_000,
    ...options,
    url,
  }
  if (isModernRevision(revision)) return createClient({ ...base, protocolVersion: revision })
  if (isLegacyRevision(revision)) {
    const eraCache = createEraCache({ maxEntries: 1 })
    const transport = revision === '2024-11-05' ? 'http+sse' : 'streamable-http'
    eraCache.set(endpointKey(new URL(url)), { era: 'legacy', transport })
    return createClient({ ...base, eraCache })
  }
  return createClient(base)
}

/** What a scenario learns about its run. */
export interface ScenarioContext {
  /** `MCP_CONFORMANCE_PROTOCOL_VERSION`: the revision the scenario runs at. */
  readonly revision: string | undefined
  /** `MCP_CONFORMANCE_CONTEXT`, parsed: scenario inputs (tool calls, auth credentials, …). */
  readonly inputs: Readonly<Record<string, unknown>>
  /** Writes a line to stderr, which the suite keeps as `stderr.txt`. */
  readonly log: (message: string) => void
}

/** Runs `body` with a client for the scenario, and closes the client however `body` ends. */
export async function withClient(
  url: string,
  context: ScenarioContext,
  run: { readonly options?: FixtureOptions; readonly body: (client: McpClient) => Promise<void> },
): Promise<void> {
  const client = fixtureClient(url, context.revision, run.options)
  try {
    await run.body(client)
  } finally {
    await client.close()
  }
}
