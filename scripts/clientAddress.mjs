/**
 * Sets X-Forwarded-For so that its entry `hops` places from the end is the reader's address:
 * the entries our own proxies wrote are kept (the last `hops` of what arrived), anything a
 * client wrote before them is kept too but never read, and the connection's own address is
 * appended. With no proxy in front (hops 0) whatever the client sent is dropped.
 * @param {import('node:http').IncomingMessage} req
 * @param {number} hops
 */
export const stampClientAddress = (req, hops) => {
  const peer = req.socket.remoteAddress ?? 'unknown'
  const sent = String(req.headers['x-forwarded-for'] ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  const kept = hops > 0 ? sent : []
  req.headers['x-forwarded-for'] = [...kept, peer].join(', ')
  // X-Real-IP is another header a client can write; the app reads X-Forwarded-For only.
  delete req.headers['x-real-ip']
}
