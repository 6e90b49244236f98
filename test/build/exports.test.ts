import { existsSync, readFileSync } from 'node:fs'
import { expect, test } from 'vitest'

// Pins the package's public surface: the exports map and every name each built entry exports.
// A change here is an API change: update the pin deliberately.
const pkg = JSON.parse(readFileSync('package.json', 'utf8'))

test('the exports map lists exactly the released entries', () => {
  expect(Object.keys(pkg.exports)).toEqual([
    '.',
    './client',
    './server',
    './node',
    './transports/streamable-http',
    './package.json',
  ])
  expect(pkg.type).toBe('module')
  expect(pkg.sideEffects).toBe(false)
  expect(pkg.engines.node).toBe('>=20.19')
  expect(Object.keys(pkg.dependencies)).toEqual(['zod'])
})

test('every export target exists in dist/', () => {
  for (const [key, target] of Object.entries(pkg.exports)) {
    if (typeof target === 'string') continue
    const { types, default: main } = target as { types: string; default: string }
    expect(existsSync(types), `${key} types ${types}`).toBe(true)
    expect(existsSync(main), `${key} default ${main}`).toBe(true)
  }
})

const pinned: Record<string, string[]> = {
  'dist/index.js': [
    'AbortError',
    'BAGGAGE_META_KEY',
    'CANCELLED_METHOD',
    'CLIENT_CAPABILITIES_META_KEY',
    'CLIENT_INFO_META_KEY',
    'CONFIG_ENV_VARS',
    'ConfigError',
    'DEFAULT_MAX_MESSAGE_BYTES',
    'ErrorCode',
    'HttpError',
    'InterceptorError',
    'JSONRPC_VERSION',
    'JsonRpcErrorCode',
    'LATEST_LEGACY_REVISION',
    'LATEST_REVISION',
    'LEGACY_REVISIONS',
    'LOG_LEVEL_META_KEY',
    'LineDecoder',
    'MAX_TIMER_MS',
    'META_KEYS',
    'MODERN_REVISIONS',
    'McpkitError',
    'PROGRESS_METHOD',
    'PROGRESS_TOKEN_META_KEY',
    'PROTOCOL_REVISIONS',
    'PROTOCOL_VERSION_META_KEY',
    'ProtocolError',
    'SERVER_INFO_META_KEY',
    'SUBSCRIPTION_ID_META_KEY',
    'SessionError',
    'StoreError',
    'Subscribable',
    'TRACEPARENT_META_KEY',
    'TRACESTATE_META_KEY',
    'TimeoutError',
    'TransportError',
    'classifyMessage',
    'createConfig',
    'createConnection',
    'createInMemoryPair',
    'createJsonRpcEngine',
    'createStreamConnection',
    'defaultEnvironment',
    'describeInvalid',
    'encodeLine',
    'eraOf',
    'errorResponse',
    'isAbortError',
    'isConfigError',
    'isHttpError',
    'isInterceptorError',
    'isJsonRpcId',
    'isLegacyRevision',
    'isMcpkitError',
    'isModernRevision',
    'isProtocolError',
    'isProtocolRevision',
    'isSessionError',
    'isStoreError',
    'isTimeoutError',
    'isTransportError',
    'resolveClientConfig',
    'resolveInterceptorConfig',
    'resolvePoolConfig',
    'resolveServerConfig',
    'resolveSessionConfig',
    'resultResponse',
    'revisionRules',
    'toMcpkitError',
    'toWireError',
    'validate',
    'withEnvOverrides',
  ],
  'dist/client/index.js': [
    'SchemaValidationError',
    'acceptLegacyOffer',
    'classifyProbeResponse',
    'collectAll',
    'createClient',
    'createClientPool',
    'createEraCache',
    'endpointKey',
    'isSchemaValidationError',
    'paginate',
    'pickProtocolVersion',
    'readSupportedVersions',
    'sharedEraCache',
  ],
  'dist/server/index.js': [
    'ASSUMED_LEGACY_VERSION',
    'EventTracker',
    'InMemoryNotificationBus',
    'McpServer',
    'ServerRegistry',
    'SessionManager',
    'SseStream',
    'UriTemplate',
    'createMemoryEventStore',
    'createMemorySessionStore',
    'createServer',
    'detectRequestEra',
    'encodeSseComment',
    'encodeSseEvent',
    'negotiateLegacyVersion',
    'unsupportedVersionError',
  ],
  'dist/node/index.js': [
    'createStdioConnection',
    'readableFromNode',
    'serve',
    'serveStdio',
    'spawnStdioServer',
    'toNodeListener',
    'writableFromNode',
  ],
  'dist/transports/streamable-http/index.js': [
    'advanceStream',
    'backoffDelayMs',
    'connectLegacySse',
    'createStreamableHttpTransport',
    'initialStreamStatus',
    'isFinalState',
    'isJsonMediaType',
    'mediaTypeOf',
    'readSse',
    'reconnectDelayMs',
    'resolveReconnectOptions',
  ],
}

test.each(Object.keys(pinned))('%s exports exactly the pinned names', async (entry) => {
  const module = await import(`../../${entry}`)
  expect(Object.keys(module).sort()).toEqual([...(pinned[entry] ?? [])].sort())
})

test('no entry has a default export', async () => {
  for (const entry of Object.keys(pinned)) {
    expect('default' in (await import(`../../${entry}`))).toBe(false)
  }
})
