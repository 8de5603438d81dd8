import sharp from 'sharp'

/**
 * A soft two-colour gradient with a few circles: a placeholder that looks intentional, made
 * locally because the clinic's own photos cannot be shipped. No text, so no fonts are needed.
 */
export const placeholderImage = async (
  seed: number,
  width = 1600,
  height = 900,
): Promise<Buffer> => {
  const hue = (seed * 47) % 360
  const a = `hsl(${hue}, 45%, 78%)`
  const b = `hsl(${(hue + 40) % 360}, 40%, 52%)`
  const circles = [0, 1, 2]
    .map((i) => {
      const cx = ((seed * 97 + i * 331) % 90) + 5
      const cy = ((seed * 53 + i * 211) % 80) + 10
      const r = 8 + ((seed + i * 7) % 14)
      return `<circle cx="${cx}%" cy="${cy}%" r="${r}%" fill="white" fill-opacity="0.18"/>`
    })
    .join('')
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="${a}"/><stop offset="1" stop-color="${b}"/>
    </linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>${circles}</svg>`
  return sharp(Buffer.from(svg)).webp({ quality: 80 }).toBuffer()
}
