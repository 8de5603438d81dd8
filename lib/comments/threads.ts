export type CommentView = {
  id: string
  parentId: string | null
  name: string
  website: string | null
  body: string
  postedAt: string
  isStaff: boolean
}

export type CommentNode = CommentView & { depth: number; replies: CommentNode[] }

/**
 * Nests comments under their parents, oldest first at every level. A reply whose parent is
 * not shown (unapproved or deleted) is lifted to the top level rather than lost; nesting past
 * the depth limit is flattened into the deepest allowed level.
 */
export const buildThreads = (comments: CommentView[], maxDepth: number): CommentNode[] => {
  const sorted = [...comments].sort((a, b) => a.postedAt.localeCompare(b.postedAt))
  const nodes = new Map(sorted.map((c) => [c.id, { ...c, depth: 1, replies: [] as CommentNode[] }]))
  const roots: CommentNode[] = []
  for (const node of nodes.values()) {
    let parent = node.parentId ? nodes.get(node.parentId) : undefined
    while (parent && parent.depth >= maxDepth) {
      parent = parent.parentId ? nodes.get(parent.parentId) : undefined
    }
    if (parent) {
      node.depth = parent.depth + 1
      parent.replies.push(node)
    } else {
      roots.push(node)
    }
  }
  return roots
}

/** "No comments yet", "1 Comment", "12 Comments". */
export const commentCountLabel = (count: number): string =>
  count === 0 ? 'No comments yet' : count === 1 ? '1 Comment' : `${count} Comments`
