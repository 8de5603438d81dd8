import type { Access } from 'payload'

/** Anyone, signed in or not: content that is public by nature (media, authors, taxonomy). */
export const anyone: Access = () => true
