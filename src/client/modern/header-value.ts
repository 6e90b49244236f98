/**
 * Header values for `Mcp-Name` and `Mcp-Param-*` (SEP-2243): plain when the value is safe visible
 * ASCII, otherwise the Base64 sentinel `=?base64?<b64 of UTF-8>?=`.
 */

const SENTINEL_PREFIX = '=?base64?'
const SENTINEL_SUFFIX = '?='
const encoder = new TextEncoder()
/** Space and the visible ASCII characters, U+0020 to U+007E. */
const VISIBLE_ASCII = /^[\x20-\x7e]*$/

/**
 * Encodes one value for a request header. Sent as is only when every character is visible ASCII
 * or an inner space, with no leading or trailing whitespace, and the value does not itself look like
 * the sentinel; anything else (non-ASCII, control characters such as tab or newline, padding) is
 * Base64 of its UTF-8 bytes inside the sentinel.
 *
 * @example
 * encodeHeaderValue('us-west1') // 'us-west1'
 * encodeHeaderValue('Hello, 世界') // '=?base64?SGVsbG8sIOS4lueVjA==?='
 * encodeHeaderValue(' padded ') // '=?base64?IHBhZGRlZCA=?='
 */
export function encodeHeaderValue(value: string): string {
  return isPlainSafe(value) ? value : `${SENTINEL_PREFIX}${toBase64(value)}${SENTINEL_SUFFIX}`
}

/**
 * The header text of an argument: strings as they are, booleans as `true`/`false`, integers in
 * decimal. `undefined` for anything else (absent, `null`, objects), which means "omit the header".
 */
export function headerText(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (typeof value === 'number' && Number.isFinite(value)) {
    return Number.isSafeInteger(value) ? value.toFixed(0) : String(value)
  }
  return undefined
}

function isPlainSafe(value: string): boolean {
  if (value.startsWith(SENTINEL_PREFIX) && value.endsWith(SENTINEL_SUFFIX)) return false
  return value === value.trim() && VISIBLE_ASCII.test(value)
}

function toBase64(value: string): string {
  let binary = ''
  for (const byte of encoder.encode(value)) binary += String.fromCharCode(byte)
  return btoa(binary)
}
