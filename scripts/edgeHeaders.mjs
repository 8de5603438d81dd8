/**
 * How long a shared cache that is never purged (a CDN, a proxy) may keep a page, in seconds.
 * Next answers cached pages with a day of s-maxage, which suits its own cache, purged on every
 * change, but would keep an unpublished post public for a day anywhere else. The edge cache we
 * ship ignores this and keeps pages until purged (deploy/varnish/inkwell.vcl).
 */
const SHARED_MAX_AGE_SECONDS = 30

export const SHARED_CACHE_CONTROL = `public, max-age=0, s-maxage=${SHARED_MAX_AGE_SECONDS}`

/**
 * Just before a response's headers go out: an answer carrying edge keys (a cached page, a feed,
 * the sitemap) or any s-maxage of Next's (its prefetch answers carry a day of it and no keys)
 * gets the short shared lifetime. With INSTANCE_NAME set every answer names the instance that
 * made it, so a drill or an operator can see where the edge sent a request.
 * @param {import('node:http').ServerResponse} res
 * @param {string | undefined} instanceName
 */
export const applyEdgePolicy = (res, instanceName) => {
  if (instanceName) res.setHeader('x-inkwell-instance', instanceName)
  const writeHead = res.writeHead
  // Node calls writeHead for the implicit head too, so this sees every response.
  res.writeHead = function (...args) {
    const cacheControl = String(this.getHeader('cache-control') ?? '')
    if (this.hasHeader('xkey') || /s-maxage/i.test(cacheControl)) {
      this.setHeader('cache-control', SHARED_CACHE_CONTROL)
    }
    return writeHead.apply(this, /** @type {any} */ (args))
  }
}
