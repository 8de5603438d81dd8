import { render, screen, within } from '@testing-library/react'

import { CommentList } from '@/components/comments/CommentList'
import { buildThreads, type CommentView } from '@/lib/comments/threads'

const comment = (over: Partial<CommentView>): CommentView => ({
  id: '1',
  parentId: null,
  name: 'Rosa Patient',
  website: null,
  body: 'Thanks!',
  postedAt: '2026-01-02T10:00:00.000Z',
  isStaff: false,
  ...over,
})

// CommentSection itself imports the server actions; its parts are tested here.
const renderList = (comments: CommentView[], maxDepth = 3) =>
  render(<CommentList comments={buildThreads(comments, maxDepth)} maxDepth={maxDepth} />)

describe('CommentList', () => {
  it('threads replies under their parent, with a staff badge and line breaks kept', () => {
    renderList([
      comment({ id: '1', body: 'First line\nSecond line' }),
      comment({
        id: '2',
        parentId: '1',
        name: 'Replenish',
        isStaff: true,
        body: 'Glad it helped.',
      }),
    ])
    const first = document.getElementById('comment-1')!
    expect(within(first).getByText('Glad it helped.')).toBeInTheDocument()
    expect(within(document.getElementById('comment-2')!).getByText('Staff')).toBeInTheDocument()
    expect(screen.getByText(/First line/).textContent).toBe('First line\nSecond line')
  })

  it('links a commenter’s website as user content, and never shows an email', () => {
    const { container } = renderList([comment({ website: 'https://rosa.example' })])
    const link = screen.getByRole('link', { name: 'Rosa Patient' })
    expect(link).toHaveAttribute('href', 'https://rosa.example')
    expect(link).toHaveAttribute('rel', 'nofollow ugc noopener')
    expect(container.innerHTML).not.toMatch(/@/)
  })

  it('offers Reply until the depth limit', () => {
    renderList([comment({ id: '1' }), comment({ id: '2', parentId: '1', name: 'Jo' })], 2)
    expect(screen.getByRole('link', { name: 'Reply to Rosa Patient' })).toHaveAttribute(
      'href',
      '#reply-to-1',
    )
    expect(screen.queryByRole('link', { name: 'Reply to Jo' })).toBeNull()
  })
})
