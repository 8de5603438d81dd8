import { render, screen, within } from '@testing-library/react'

import { Byline } from '@/components/Byline'
import { CallToAction } from '@/components/CallToAction'
import { ClosingNote } from '@/components/ClosingNote'
import { Pagination } from '@/components/Pagination'
import { PostCard } from '@/components/PostCard'
import { RecentPosts } from '@/components/RecentPosts'
import type { PostSummary } from '@/lib/data/views'

const maya = { name: 'Maya Alvarez', slug: 'maya-alvarez', credentials: 'LMT' }
const jordan = { name: 'Jordan Lee', slug: 'jordan-lee', credentials: null }

describe('Byline', () => {
  it('links each author by name and credentials and gives a machine-readable date', () => {
    render(<Byline authors={[maya]} publishedAt="2023-12-01T15:00:00.000Z" />)
    const link = screen.getByRole('link', { name: 'Maya Alvarez, LMT' })
    expect(link).toHaveAttribute('href', '/authors/maya-alvarez')
    expect(link).toHaveAttribute('rel', 'author')
    const time = screen.getByText('December 1, 2023')
    expect(time.tagName).toBe('TIME')
    expect(time).toHaveAttribute('datetime', '2023-12-01T15:00:00.000Z')
  })

  it('joins two authors with "and"', () => {
    const { container } = render(<Byline authors={[maya, jordan]} publishedAt={null} />)
    expect(container).toHaveTextContent('By Maya Alvarez, LMT and Jordan Lee')
    expect(container.querySelector('time')).toBeNull()
  })

  it('shows only the date when a post has no author', () => {
    const { container } = render(<Byline authors={[]} publishedAt="2023-12-01T15:00:00.000Z" />)
    expect(container).toHaveTextContent(/^December 1, 2023$/)
    expect(screen.queryByRole('link')).toBeNull()
  })
})

describe('RecentPosts', () => {
  const posts = [
    { title: 'Dermal Fillers', slug: 'dermal-fillers', publishedAt: '2023-10-26T15:00:00.000Z' },
    { title: 'Five Stretches', slug: 'five-stretches', publishedAt: null },
  ]

  it('lists posts under a "Recent Posts" heading, in order, with links', () => {
    render(<RecentPosts posts={posts} />)
    const nav = screen.getByRole('navigation', { name: 'Recent Posts' })
    const links = within(nav).getAllByRole('link')
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Dermal Fillers', '/posts/dermal-fillers'],
      ['Five Stretches', '/posts/five-stretches'],
    ])
    expect(within(nav).getByText('October 26, 2023').tagName).toBe('TIME')
  })

  it('renders nothing when there is nothing else to read', () => {
    const { container } = render(<RecentPosts posts={[]} />)
    expect(container).toBeEmptyDOMElement()
  })
})

describe('PostCard', () => {
  const post: PostSummary = {
    id: '7',
    title: 'Massage for Tension Headaches',
    slug: 'massage-for-tension-headaches',
    excerpt: 'How neck and shoulder work helps.',
    publishedAt: '2023-07-30T15:00:00.000Z',
    image: {
      url: '/api/media/file/demo-7.webp',
      alt: 'A therapist at work',
      width: 1600,
      height: 900,
    },
    authors: [maya],
  }

  it('shows title as a link, byline, excerpt and the image with its alt text', () => {
    render(<PostCard post={post} />)
    expect(screen.getByRole('heading', { level: 2, name: post.title })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: post.title })).toHaveAttribute(
      'href',
      '/posts/massage-for-tension-headaches',
    )
    expect(screen.getByText('How neck and shoulder work helps.')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Maya Alvarez, LMT' })).toBeInTheDocument()
    expect(screen.getByAltText('A therapist at work')).toBeInTheDocument()
  })

  it('keeps the image link out of the tab order so each card is one stop', () => {
    const { container } = render(<PostCard post={post} />)
    const imageLink = container.querySelector('.post-card__image')
    expect(imageLink).toHaveAttribute('tabindex', '-1')
  })

  it('leaves out the image and excerpt when a post has none', () => {
    render(<PostCard post={{ ...post, image: null, excerpt: null }} />)
    expect(screen.queryByRole('img')).toBeNull()
    expect(screen.queryByText('How neck and shoulder work helps.')).toBeNull()
  })

  it('links its comment count to the comments, and says nothing when there are none', () => {
    const { rerender } = render(<PostCard post={post} comments={12} />)
    expect(screen.getByRole('link', { name: '12 Comments' })).toHaveAttribute(
      'href',
      '/posts/massage-for-tension-headaches#comments',
    )
    rerender(<PostCard post={post} comments={0} />)
    expect(screen.queryByText(/Comment/)).toBeNull()
  })
})

describe('CallToAction', () => {
  it('shows the site-wide call to action with its link', () => {
    render(
      <CallToAction
        cta={{
          text: 'Ready to schedule your treatment or Dysport/ Filler Party?',
          linkLabel: 'Book now',
          linkUrl: '/book',
        }}
      />,
    )
    expect(
      screen.getByRole('heading', {
        name: 'Ready to schedule your treatment or Dysport/ Filler Party?',
      }),
    ).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Book now' })).toHaveAttribute('href', '/book')
  })

  it('has a sensible link label when staff left it empty, and no link without an address', () => {
    const { rerender } = render(
      <CallToAction cta={{ text: 'Call us', linkLabel: null, linkUrl: 'tel:+15550100123' }} />,
    )
    expect(screen.getByRole('link', { name: 'Get in touch' })).toHaveAttribute(
      'href',
      'tel:+15550100123',
    )
    rerender(<CallToAction cta={{ text: 'Call us', linkLabel: 'Book', linkUrl: null }} />)
    expect(screen.queryByRole('link')).toBeNull()
  })
})

describe('ClosingNote', () => {
  it('shows the heading and keeps paragraph breaks', () => {
    render(
      <ClosingNote
        note={{
          heading: 'A Note From Replenish Aesthetics and Wellness',
          body: 'First.\n\nSecond.',
        }}
      />,
    )
    expect(
      screen.getByRole('heading', { name: 'A Note From Replenish Aesthetics and Wellness' }),
    ).toBeInTheDocument()
    expect(screen.getByText('First.').tagName).toBe('P')
    expect(screen.getByText('Second.').tagName).toBe('P')
  })
})

describe('Pagination', () => {
  it('links newer and older pages, page 1 being the home page', () => {
    render(<Pagination page={2} totalPages={3} />)
    expect(screen.getByRole('link', { name: /Newer posts/ })).toHaveAttribute('href', '/')
    expect(screen.getByRole('link', { name: /Older posts/ })).toHaveAttribute('href', '/page/3')
    expect(screen.getByText('Page 2 of 3')).toBeInTheDocument()
  })

  it('is absent when everything fits on one page', () => {
    const { container } = render(<Pagination page={1} totalPages={1} />)
    expect(container).toBeEmptyDOMElement()
  })
})
