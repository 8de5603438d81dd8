import { jest } from '@jest/globals'
import { render, screen } from '@testing-library/react'

import { CommentThreads } from '@/components/comments/CommentThreads.client'

/** A page of comments as its server sends it (the shape of fetch's answer jsdom lacks). */
const pageWith = (version: string, words: string) => ({
  ok: true,
  status: 200,
  headers: new Map([['content-type', 'text/html; charset=utf-8']]),
  text: async () =>
    `<!doctype html><main><div id="comment-threads" data-version="${version}"><ol><li id="comment-1"><article><p>${words}</p></article></li></ol></div></main>`,
})
type Answer = ReturnType<typeof pageWith>

const answers: Answer[] = []
const fetchMock = jest.fn(async (...call: [unknown, unknown?]) => call && answers.shift()!)

beforeEach(() => {
  answers.length = 0
  fetchMock.mockClear()
  globalThis.fetch = fetchMock as unknown as typeof fetch
  window.history.replaceState(null, '', '/posts/x')
})

describe('comment threads in the browser', () => {
  it('loads the page’s markup when it arrived without it, from this site only', async () => {
    answers.push(pageWith('v1', 'First words'))
    render(<CommentThreads version="v1" src="/posts/x" />)
    expect(await screen.findByText('First words')).toBeInTheDocument()
    expect(fetchMock).toHaveBeenCalledTimes(1)
    const [url, init] = fetchMock.mock.calls[0]!
    expect(String(url)).toBe(`${window.location.origin}/posts/x`)
    expect(init).toMatchObject({ redirect: 'error' })
  })

  it('keeps what it shows until a changed version’s markup is in, asking again while it is old', async () => {
    answers.push(pageWith('v1', 'First words'))
    const view = render(<CommentThreads version="v1" src="/posts/x" />)
    await screen.findByText('First words')
    // The reader's own comment changed the threads; the first answer is still the old page.
    answers.push(pageWith('v1', 'First words'), pageWith('v2', 'Second words'))
    view.rerender(<CommentThreads version="v2" src="/posts/x" />)
    expect(screen.getByText('First words')).toBeInTheDocument()
    expect(await screen.findByText('Second words', {}, { timeout: 3000 })).toBeInTheDocument()
    expect(screen.queryByText('First words')).not.toBeInTheDocument()
    expect(fetchMock).toHaveBeenCalledTimes(3)
  })

  it('does not load again while the version is the one it shows', async () => {
    answers.push(pageWith('v1', 'First words'))
    const view = render(<CommentThreads version="v1" src="/posts/x" />)
    await screen.findByText('First words')
    view.rerender(<CommentThreads version="v1" src="/posts/x" />)
    expect(fetchMock).toHaveBeenCalledTimes(1)
  })

  it('offers a plain link when the markup cannot be had, and never fetches another site', async () => {
    render(<CommentThreads version="v1" src="https://elsewhere.example/posts/x" />)
    expect(await screen.findByRole('link', { name: 'Show them' })).toBeInTheDocument()
    expect(fetchMock).not.toHaveBeenCalled()
  })
})
