import { getImageProps } from 'next/image'
import { preload } from 'react-dom'

import type { ImageView } from '@/lib/data/views'

type Props = {
  image: ImageView
  sizes: string
  priority?: boolean
  className?: string
}

/**
 * An uploaded image, resized by Next's image optimizer, always with its alt text. A plain <img>
 * with the optimizer's srcset, rendered on the server: next/image's component would ship its
 * client code to every reader for nothing an <img> cannot do. A priority image (the featured
 * image, usually the largest paint) is preloaded from the document head.
 */
export const MediaImage = ({ image, sizes, priority = false, className }: Props) => {
  const { props } = getImageProps({
    src: image.url,
    alt: image.alt,
    width: image.width,
    height: image.height,
    sizes,
    priority,
    className,
  })
  if (priority) {
    preload(props.src, {
      as: 'image',
      imageSrcSet: props.srcSet,
      imageSizes: props.sizes,
      fetchPriority: 'high',
    })
  }
  // eslint-disable-next-line @next/next/no-img-element -- the optimizer's props, on a plain img
  return <img {...props} alt={image.alt} />
}
