/** The editor block that inserts a reusable block by reference (the post stores its id). */
export const REUSABLE_BLOCK_SLUG = 'reusableBlock'
