// Body reading for the servers that take node requests themselves (SDK 1.x, bare).
import type { IncomingMessage, ServerResponse } from 'node:http'

/** Reads and parses a JSON body (what express.json() does for the SDK 1.x README). */
export function readJsonBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      try {
        const text = chunks.length === 1 ? String(chunks[0]) : Buffer.concat(chunks).toString()
        resolve(text === '' ? undefined : JSON.parse(text))
      } catch (error) {
        reject(error)
      }
    })
    req.on('error', reject)
  })
}

/** A JSON-RPC error response without id. */
export function sendJsonError(res: ServerResponse, status: number, message: string): void {
  const body = JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: -32000, message } })
  res.writeHead(status, { 'content-type': 'application/json' }).end(body)
}
