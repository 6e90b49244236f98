/**
 * Reading `Content-Type` headers properly: the media type is parsed into its essence
 * (`type/subtype`, lower-cased, parameters dropped), never matched as a substring, so
 * `text/event-stream; charset=utf-8` is SSE and `application/jsonp` is not JSON.
 */

const TOKEN = "[!#$%&'*+.^_`|~0-9a-z-]+"
const ESSENCE = new RegExp(`^${TOKEN}/${TOKEN}$`)

/** The SSE media type. */
export const SSE_MEDIA_TYPE = 'text/event-stream'

/** The JSON media type. */
export const JSON_MEDIA_TYPE = 'application/json'

/**
 * The essence of a `Content-Type` value (`type/subtype`, lower-cased), or `undefined` when the
 * header is absent or malformed.
 *
 * @example
 * mediaTypeOf('Text/Event-Stream; charset=utf-8') // 'text/event-stream'
 * mediaTypeOf('nonsense') // undefined
 */
export function mediaTypeOf(value: string | null | undefined): string | undefined {
  if (!value) return undefined
  const essence = (value.split(';', 1)[0] ?? '').trim().toLowerCase()
  return ESSENCE.test(essence) ? essence : undefined
}

/** Whether a media type essence is JSON: `application/json` or a `+json` structured suffix. */
export function isJsonMediaType(essence: string | undefined): boolean {
  return essence === JSON_MEDIA_TYPE || (essence?.endsWith('+json') ?? false)
}
