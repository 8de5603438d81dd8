// The baseline: one saved HTML file sent from memory by Node's plain http server, as a web
// server sends a cached file. Runs in its own process so it does not share the load
// generator's event loop. Usage: node bench/static-server.mjs <file> <port>
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'

const [file, port] = process.argv.slice(2)
const body = readFileSync(file)
createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length })
  res.end(body)
}).listen(Number(port), '127.0.0.1', () => process.send?.('ready'))
