/**
 * @module
 * Node entry: the only part of mcpkit that loads Node built-ins. Adapters from Node streams and
 * sockets to mcpkit's web-standard core.
 *
 * @example
 * import { createJsonRpcEngine } from 'mcpkit'
 * import { createStdioConnection } from 'mcpkit/node'
 *
 * const engine = createJsonRpcEngine({ connection: createStdioConnection(), onRequest })
 */

export {
  type FetchHandler,
  type HandlerLike,
  type NodeListener,
  type NodeListenerOptions,
  toNodeListener,
} from './http-adapter.ts'
export { type ServedHandle, serve } from './serve.ts'
export type { ListenInfo, ServeOptions } from './serve-options.ts'
export {
  type SpawnStdioServerOptions,
  type StdioExitStatus,
  type StdioServerProcess,
  spawnStdioServer,
} from './stdio-client.ts'
export type { InheritEnv } from './stdio-client-env.ts'
export {
  createStdioConnection,
  readableFromNode,
  type StdioConnectionOptions,
  writableFromNode,
} from './stdio-connection.ts'
export {
  type StdioServable,
  type StdioServer,
  type StdioServerOptions,
  serveStdio,
} from './stdio-server.ts'
