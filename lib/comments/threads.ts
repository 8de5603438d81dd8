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
  // Where each comment was placed. Placing one under its own reply would make the thread a
  // loop (data edited by hand, or an import, can say so), so such a comment becomes a root.
  const placedUnder = new Map<string, CommentNode>()
  const isWithin = (node: CommentNode, under: CommentNode) => {
    for (let n: CommentNode | undefined = under; n; n = placedUnder.get(n.id)) {
      if (n === node) return true
    }
    return false
  }
  for (const node of nodes.values()) {
    let parent = node.parentId ? nodes.get(node.parentId) : undefined
    const seen = new Set<string>([node.id])
    while (parent && parent.depth >= maxDepth && !seen.has(parent.id)) {
      seen.add(parent.id)
      parent = parent.parentId ? nodes.get(parent.parentId) : undefined
    }
    if (parent && (seen.has(parent.id) || isWithin(node, parent))) parent = undefined
    if (parent) {
      node.depth = parent.depth + 1
      parent.replies.push(node)
      placedUnder.set(node.id, parent)
    } else {
      roots.push(node)
    }
  }
  return roots
}

/** "No comments yet", "1 Comment", "12 Comments". */
export const commentCountLabel = (count: number): string =>
  count === 0 ? 'No comments yet' : count === 1 ? '1 Comment' : `${count} Comments`
