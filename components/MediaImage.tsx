import Image from 'next/image'

import type { ImageView } from '@/lib/data/views'

type Props = {
  image: ImageView
  sizes: string
  priority?: boolean
  className?: string
}

/** An uploaded image, resized by next/image, always with its alt text. */
export const MediaImage = ({ image, sizes, priority = false, className }: Props) => (
  <Image
    src={image.url}
    alt={image.alt}
    width={image.width}
    height={image.height}
    sizes={sizes}
    priority={priority}
    className={className}
  />
)
