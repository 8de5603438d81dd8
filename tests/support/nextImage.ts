// Jest's ESM mode hands a CommonJS module's exports object to a default import, without the
// __esModule unwrapping bundlers do. This re-exports the real next/image component unwrapped.
import imageModule from 'next/dist/shared/lib/image-external.js'

const unwrapped = imageModule as unknown as { default?: unknown }
export default (unwrapped.default ?? imageModule) as typeof import('next/image').default
