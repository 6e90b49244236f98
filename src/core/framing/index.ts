/**
 * @module
 * Newline-delimited JSON framing for byte-stream transports (stdio and anything like it).
 */
export { LineDecoder, type LineDecoderOptions } from './line-decoder.ts'
export {
  createStreamConnection,
  encodeLine,
  type StreamConnectionOptions,
} from './stream-connection.ts'
