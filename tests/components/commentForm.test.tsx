import { jest } from '@jest/globals'
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'

import { CommentForm } from '@/components/comments/CommentForm.client'
import type { CommentFormState } from '@/lib/actions/comments'
import { COMMENTS_UNAVAILABLE_MESSAGE } from '@/lib/comments/unavailable'

type Action = (state: CommentFormState, data: FormData) => Promise<CommentFormState>

const setup = (
  postComment: Action,
  freshToken: (postId: string) => Promise<string> = async () => '12.2.fresh',
) => {
  const calls: FormData[] = []
  const action: Action = (state, data) => {
    calls.push(data)
    return postComment(state, data)
  }
  const utils = render(
    <CommentForm postId="12" token="12.1.sig" postComment={action} freshToken={freshToken} />,
  )
  const fill = (label: RegExp, value: string) =>
    fireEvent.change(screen.getByLabelText(label), { target: { value } })
  const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Post Comment' }))
  return { ...utils, calls, fill, submit }
}

beforeEach(() => {
  window.localStorage.clear()
  window.history.replaceState(null, '', '/posts/x')
})

describe('CommentForm', () => {
  it('is the reference page’s form: labels, required marks and the privacy note', () => {
    setup(async () => ({ ok: true }))
    expect(screen.getByRole('heading', { name: 'Leave a Reply' })).toBeInTheDocument()
    expect(
      screen.getByText(/Your email address will not be published\. Required fields are marked/),
    ).toBeInTheDocument()
    for (const label of [/^Comment/, /^Name/, /^Email/, /^Website/])
      expect(screen.getByLabelText(label)).toBeInTheDocument()
    expect(screen.getByLabelText(/^Name/)).toBeRequired()
    expect(screen.getByLabelText(/^Website/)).not.toBeRequired()
    expect(
      screen.getByLabelText(
        'Save my name, email, and website in this browser for the next time I comment.',
      ),
    ).not.toBeChecked()
  })

  it('shows each field error next to its field, announced, with focus on the first', async () => {
    const { submit } = setup(async () => ({
      ok: false,
      message: 'Please correct the fields marked below.',
      fieldErrors: {
        name: 'Please enter your name.',
        email: 'Please enter a valid email address, like name@example.com.',
      },
    }))
    submit()
    const nameError = await screen.findByText('Please enter your name.')
    const name = screen.getByLabelText(/^Name/)
    expect(name).toHaveAttribute('aria-invalid', 'true')
    expect(name.getAttribute('aria-describedby')).toContain(nameError.id)
    expect(screen.getByLabelText(/^Email/)).toHaveAccessibleDescription(
      'Please enter a valid email address, like name@example.com.',
    )
    expect(screen.getByRole('status')).toHaveTextContent('Please correct the fields marked below.')
    await waitFor(() => expect(name).toHaveFocus())
  })

  it('keeps what the reader typed when the server refuses it', async () => {
    const { fill, submit } = setup(async () => ({
      ok: false,
      message: 'Please wait a few seconds before posting another comment.',
    }))
    fill(/^Comment/, 'My long and careful comment')
    submit()
    await screen.findByText('Please wait a few seconds before posting another comment.')
    expect(screen.getByLabelText(/^Comment/)).toHaveValue('My long and careful comment')
  })

  it('shows progress while posting and cannot be sent twice', async () => {
    let finish: (s: CommentFormState) => void = () => undefined
    const { submit } = setup(() => new Promise((resolve) => (finish = resolve)))
    submit()
    const button = await screen.findByRole('button', { name: 'Posting…' })
    expect(button).toBeDisabled()
    await act(async () =>
      finish({ ok: true, submitted: { name: 'Rosa', body: 'Hi', published: false } }),
    )
    expect(screen.getByRole('button', { name: 'Post Comment' })).toBeEnabled()
  })

  it('says the comment was received and shows it, clearing only the comment box', async () => {
    const { fill, submit, calls } = setup(async () => ({
      ok: true,
      submitted: { name: 'Rosa Patient', body: 'Line one\nLine two', published: false },
      nextToken: '12.2.next.sig',
    }))
    fill(/^Name/, 'Rosa Patient')
    fill(/^Comment/, 'Line one\nLine two')
    submit()
    expect(await screen.findByText(/your comment was received/)).toBeInTheDocument()
    expect(screen.getByRole('status')).toHaveTextContent('Rosa Patient')
    await waitFor(() => expect(screen.getByLabelText(/^Comment/)).toHaveValue(''))
    expect(screen.getByLabelText(/^Name/)).toHaveValue('Rosa Patient')
    expect(calls[0]?.get('postId')).toBe('12')
    expect(calls[0]?.get('parentId')).toBe('')
  })

  it('makes the slot it opens in under a comment printed without one', async () => {
    const comment = document.createElement('li')
    comment.id = 'comment-9'
    comment.innerHTML = '<article><p>Static markup</p></article>'
    document.body.appendChild(comment)
    try {
      setup(async () => ({ ok: false, message: 'x' }))
      act(() => {
        window.location.hash = '#reply-to-9'
        window.dispatchEvent(new HashChangeEvent('hashchange'))
      })
      const heading = await screen.findByRole('heading', { name: /Leave a Reply to this comment/ })
      expect(comment.querySelector(':scope > article > #reply-slot-9')).toContainElement(heading)
    } finally {
      comment.remove()
    }
  })

  it('opens under the comment being answered, and Cancel reply brings it back', async () => {
    const slot = document.createElement('div')
    slot.id = 'reply-slot-5'
    document.body.appendChild(slot)
    const { container, calls, submit } = setup(async () => ({ ok: false, message: 'x' }))
    act(() => {
      window.location.hash = '#reply-to-5'
      window.dispatchEvent(new HashChangeEvent('hashchange'))
    })
    const heading = await screen.findByRole('heading', { name: /Leave a Reply to this comment/ })
    expect(slot).toContainElement(heading)
    submit()
    await waitFor(() => expect(calls).toHaveLength(1))
    expect(calls[0]?.get('parentId')).toBe('5')

    fireEvent.click(screen.getByRole('button', { name: 'Cancel reply' }))
    const back = await screen.findByRole('heading', { name: 'Leave a Reply' })
    expect(container).toContainElement(back)
    expect(slot).toBeEmptyDOMElement()
    slot.remove()
  })

  it('remembers name, email and website in this browser only when asked', async () => {
    const { fill, submit } = setup(async () => ({
      ok: true,
      submitted: { name: 'R', body: 'B', published: false },
    }))
    fill(/^Name/, 'Rosa')
    fill(/^Email/, 'rosa@example.com')
    fireEvent.click(screen.getByLabelText(/Save my name/))
    submit()
    await screen.findByText(/your comment was received/)
    expect(JSON.parse(window.localStorage.getItem('inkwell:commenter') ?? '{}')).toEqual({
      name: 'Rosa',
      email: 'rosa@example.com',
      website: '',
    })
  })

  it('asks for a fresh time token when the reader starts writing', async () => {
    const { calls, submit } = setup(async () => ({ ok: false }))
    fireEvent.focus(screen.getByLabelText(/^Comment/))
    await waitFor(() =>
      expect(document.querySelector<HTMLInputElement>('input[name="token"]')?.value).toBe(
        '12.2.fresh',
      ),
    )
    submit()
    await waitFor(() => expect(calls).toHaveLength(1))
    expect(calls[0]?.get('token')).toBe('12.2.fresh')
  })

  it('posts the next comment with the token the answer carried: each is used once', async () => {
    const { calls, submit } = setup(async () => ({
      ok: true,
      submitted: { name: 'R', body: 'B', published: false },
      nextToken: '12.3.next',
    }))
    submit()
    await waitFor(() =>
      expect(document.querySelector<HTMLInputElement>('input[name="token"]')?.value).toBe(
        '12.3.next',
      ),
    )
    submit()
    await waitFor(() => expect(calls).toHaveLength(2))
    expect(calls[1]?.get('token')).toBe('12.3.next')
  })

  it('tells a proven returning commenter their comment is published', async () => {
    const { submit } = setup(async () => ({
      ok: true,
      submitted: { name: 'R', body: 'B', published: true },
    }))
    submit()
    expect(await screen.findByText('Thank you, your comment is published.')).toBeInTheDocument()
  })

  it('says comments are unavailable when the request fails, keeping what was typed', async () => {
    // What a server action does when no app answers: the fetch fails, or the edge sends its own
    // 502-504 page instead of the action's answer.
    let answer: Action = () => Promise.reject(new TypeError('Failed to fetch'))
    const logged = jest.spyOn(console, 'error').mockImplementation(() => {})
    const { fill, submit, calls } = setup((state, data) => answer(state, data))
    fill(/^Name/, 'Rosa Patient')
    fill(/^Email/, 'rosa@example.com')
    fill(/^Website/, 'https://rosa.example')
    fill(/^Comment/, 'My long and careful comment')
    submit()
    expect(await screen.findByText(COMMENTS_UNAVAILABLE_MESSAGE)).toBeInTheDocument()
    expect(screen.getByRole('status')).toHaveTextContent(COMMENTS_UNAVAILABLE_MESSAGE)
    expect(screen.getByLabelText(/^Name/)).toHaveValue('Rosa Patient')
    expect(screen.getByLabelText(/^Email/)).toHaveValue('rosa@example.com')
    expect(screen.getByLabelText(/^Website/)).toHaveValue('https://rosa.example')
    expect(screen.getByLabelText(/^Comment/)).toHaveValue('My long and careful comment')
    expect(screen.getByRole('button', { name: 'Post Comment' })).toBeEnabled()

    answer = async () => ({
      ok: true,
      submitted: { name: 'Rosa Patient', body: 'My long and careful comment', published: false },
    })
    submit()
    expect(await screen.findByText(/your comment was received/)).toBeInTheDocument()
    expect(screen.queryByText(COMMENTS_UNAVAILABLE_MESSAGE)).not.toBeInTheDocument()
    expect(calls).toHaveLength(2)
    expect(calls[1]?.get('body')).toBe('My long and careful comment')
    // The failure stays visible to whoever debugs the page.
    expect(logged).toHaveBeenCalledWith('The comment could not be sent:', expect.any(TypeError))
    logged.mockRestore()
  })

  it('keeps working when the fresh token cannot be fetched', async () => {
    const { calls, submit } = setup(
      async () => ({ ok: false, message: 'Please correct the fields marked below.' }),
      () => Promise.reject(new TypeError('Failed to fetch')),
    )
    fireEvent.focus(screen.getByLabelText(/^Comment/))
    submit()
    expect(await screen.findByText('Please correct the fields marked below.')).toBeInTheDocument()
    // The token from the page is still the one posted.
    expect(calls[0]?.get('token')).toBe('12.1.sig')
    expect(screen.getByRole('heading', { name: 'Leave a Reply' })).toBeInTheDocument()
  })
})
