/**
 * The checks every POST passes before its message is looked at: `Content-Type` (415), `Accept`
 * (406), the body cap (413) and JSON parsing (400 `-32700`). One `await` for the body, one
 * `JSON.parse`.
 */
import { JsonRpcErrorCode } from '../../core/errors/codes.ts'
import { isPromiseLike, type MaybePromise } from '../../core/maybe-promise.ts'
import { type BodyText, readBodyText } from './body.ts'
import { accepts, JSON_MEDIA_TYPE, mediaTypeEssence, SSE_MEDIA_TYPE } from './media-type.ts'
import {
  type HttpRequest,
  jsonRpcErrorResponse,
  type PreparedResponse,
  unreadableId,
} from './responses.ts'
import type { RejectionReason } from './server-events.ts'

const BOTH = [JSON_MEDIA_TYPE, SSE_MEDIA_TYPE]

/** A refused request: the response, and why (for the `http:rejected` event). */
export interface GateRejection {
  readonly response: PreparedResponse
  readonly reason: RejectionReason | 'parse'
}

/** The parsed body, or the rejection to answer with. */
export type GateResult = { readonly body: unknown } | GateRejection

/**
 * Checks a POST's headers, reads its body under `maxBodyBytes` and parses it.
 *
 * @example
 * const gate = await openPost(request, config.maxBodyBytes)
 * if ('response' in gate) return gate.response
 */
export function openPost(request: HttpRequest, maxBodyBytes: number): MaybePromise<GateResult> {
  const headers = request.headers
  const id = unreadableId(headers.get('mcp-protocol-version'))
  if (mediaTypeEssence(headers.get('content-type')) !== JSON_MEDIA_TYPE) {
    return reject(415, 'content-type', {
      id,
      message: 'Unsupported Media Type: the body must be application/json',
    })
  }
  if (!accepts(headers.get('accept'), BOTH)) {
    return reject(406, 'accept', {
      id,
      message: 'Not Acceptable: the client must accept both application/json and text/event-stream',
    })
  }
  const text = readBodyText(request, maxBodyBytes)
  if (isPromiseLike(text)) return text.then((read) => parseBody(read, { id, maxBodyBytes }))
  return parseBody(text, { id, maxBodyBytes })
}

function parseBody(
  text: BodyText,
  context: { id: null | undefined; maxBodyBytes: number },
): GateResult {
  const { id } = context
  if (!text.ok) {
    return reject(413, 'body-too-large', {
      id,
      message: `Payload Too Large: the body exceeds ${context.maxBodyBytes} bytes`,
    })
  }
  try {
    return { body: JSON.parse(text.text) }
  } catch {
    return {
      reason: 'parse',
      response: jsonRpcErrorResponse({
        status: 400,
        id,
        error: {
          code: JsonRpcErrorCode.ParseError,
          message: 'Parse error: the body is not valid JSON',
        },
      }),
    }
  }
}

function reject(
  status: number,
  reason: RejectionReason,
  error: { id: null | undefined; message: string },
): GateRejection {
  return {
    reason,
    response: jsonRpcErrorResponse({
      status,
      id: error.id,
      error: { code: JsonRpcErrorCode.InvalidRequest, message: error.message },
    }),
  }
}
