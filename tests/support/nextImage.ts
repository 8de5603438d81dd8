// Jest's ESM mode hands a CommonJS module's exports object to a default import, without the
// __esModule unwrapping bundlers do. This re-exports the real next/image module unwrapped.
import imageModule from 'next/dist/shared/lib/image-external.js'

const real = imageModule as unknown as typeof import('next/image')

export const getImageProps = real.getImageProps
export default real.default
