/**
 * What the client needs from an HTTP transport: exactly the Streamable HTTP transport's contract
 * (`createStreamableHttpTransport`). A test or an app may pass any object of this shape through the
 * `createHttpTransport` option.
 *
 * @internal
 */
export type {
  GetStreamOptions as HttpGetStreamOptions,
  PostOptions as HttpPostOptions,
  PostResult as HttpPostResult,
  StreamableHttpTransport as HttpTransport,
} from '../transports/streamable-http/index.ts'
