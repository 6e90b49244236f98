/**
 * @module
 * The transport-independent JSON-RPC engine and the message types it speaks.
 */
export { classifyMessage, describeInvalid, isJsonRpcId, type MessageKind } from './classify.ts'
export { utf8ByteLength } from './decode.ts'
export { createJsonRpcEngine, type InFlightCounts, type JsonRpcEngine } from './engine.ts'
export type { JsonRpcEngineOptions } from './engine-options.ts'
export { toWireError } from './incoming.ts'
export { DEFAULT_MAX_MESSAGE_BYTES } from './limits.ts'
export {
  CANCELLED_METHOD,
  type CancelledParams,
  errorResponse,
  JSONRPC_VERSION,
  type JsonRpcErrorResponse,
  type JsonRpcId,
  type JsonRpcMessage,
  type JsonRpcNotification,
  type JsonRpcParams,
  type JsonRpcRequest,
  type JsonRpcResponse,
  type JsonRpcResultResponse,
  type OutboundMessage,
  PROGRESS_METHOD,
  type Progress,
  type ProgressParams,
  type ProgressToken,
  resultResponse,
} from './messages.ts'
export type {
  NotificationHandler,
  RequestContext,
  RequestHandler,
} from './request-context.ts'
export type { NotifyOptions, RequestOptions } from './request-options.ts'
