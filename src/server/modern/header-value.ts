/**
 * Values of the `Mcp-Name` and `Mcp-Param-*` headers (SEP-2243): plain visible ASCII, or the Base64
 * sentinel `=?base64?<b64>?=` carrying UTF-8 for anything else.
 */

const PREFIX = '=?base64?'
const SUFFIX = '?='
// Canonical Base64: whole quads, padding only at the end. Unpadded or foreign characters are refused.
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/
const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * Decodes one header value: the sentinel form becomes its UTF-8 text, anything else is taken
 * literally. Returns `undefined` when the value holds characters a header value may not carry, or
 * the sentinel wraps invalid Base64 or invalid UTF-8.
 *
 * @example
 * decodeHeaderValue('us-west1') // 'us-west1'
 * decodeHeaderValue('=?base64?SGVsbG8sIOS4lueVjA==?=') // 'Hello, 世界'
 * decodeHeaderValue('=?base64?SGVsbG8?=') // undefined (padding missing)
 */
export function decodeHeaderValue(raw: string): string | undefined {
  if (!isFieldValue(raw)) return undefined
  if (
    raw.length < PREFIX.length + SUFFIX.length ||
    !raw.startsWith(PREFIX) ||
    !raw.endsWith(SUFFIX)
  ) {
    return raw
  }
  const encoded = raw.slice(PREFIX.length, raw.length - SUFFIX.length)
  if (!BASE64.test(encoded)) return undefined
  const binary = atob(encoded)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  try {
    return utf8.decode(bytes)
  } catch {
    return undefined
  }
}

/** Visible ASCII, space and tab only (RFC 9110 §5.5); anything else must travel as Base64. */
function isFieldValue(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i)
    if (code > 0x7e || (code < 0x20 && code !== 0x09)) return false
  }
  return true
}
