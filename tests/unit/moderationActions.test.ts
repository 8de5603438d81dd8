import {
  actionsFor,
  bulkActionsFor,
  doneMessage,
  isTypingTarget,
  shortcutFor,
} from '@/lib/moderation/actions'
import { parseTab, statusesOf } from '@/lib/moderation/tabs'

describe('moderation queue tabs', () => {
  it('opens on pending for anything it does not know', () => {
    expect(parseTab('spam')).toBe('spam')
    expect(parseTab('all')).toBe('all')
    for (const odd of [undefined, '', 'SPAM', 'deleted', ['spam'], 1]) {
      expect(parseTab(odd)).toBe('pending')
    }
  })

  it('All holds pending and approved comments, as in WordPress', () => {
    expect(statusesOf('all')).toEqual(['pending', 'approved'])
    expect(statusesOf('trash')).toEqual(['trash'])
  })
})

describe('quick actions', () => {
  it('offer what WordPress offers for each status', () => {
    expect(actionsFor('pending')).toEqual(['approve', 'spam', 'trash'])
    expect(actionsFor('approved')).toEqual(['unapprove', 'spam', 'trash'])
    expect(actionsFor('spam')).toEqual(['notSpam', 'delete'])
    expect(actionsFor('trash')).toEqual(['restore', 'delete'])
    expect(bulkActionsFor('all')).toEqual(['approve', 'unapprove', 'spam', 'trash'])
    expect(bulkActionsFor('trash')).toEqual(['restore', 'delete'])
  })

  it('say what happened, to how many', () => {
    expect(doneMessage('approve', 1)).toBe('Comment approved.')
    expect(doneMessage('restore', 3)).toBe('3 comments restored to pending.')
  })
})

describe('keyboard shortcuts', () => {
  it('map WordPress keys to the action that fits the comment', () => {
    expect(shortcutFor('a', 'pending')).toBe('approve')
    expect(shortcutFor('a', 'approved')).toBeNull()
    expect(shortcutFor('u', 'approved')).toBe('unapprove')
    expect(shortcutFor('u', 'pending')).toBeNull()
    expect(shortcutFor('s', 'pending')).toBe('spam')
    expect(shortcutFor('s', 'spam')).toBeNull()
    expect(shortcutFor('t', 'approved')).toBe('trash')
    expect(shortcutFor('d', 'pending')).toBe('trash')
    expect(shortcutFor('t', 'trash')).toBeNull()
    expect(shortcutFor('z', 'trash')).toBe('restore')
    expect(shortcutFor('z', 'spam')).toBe('notSpam')
    expect(shortcutFor('z', 'pending')).toBeNull()
    expect(shortcutFor('r', 'pending')).toBe('reply')
    expect(shortcutFor('r', 'spam')).toBeNull()
    expect(shortcutFor('A', 'pending')).toBeNull()
    expect(shortcutFor('x', 'pending')).toBeNull()
  })

  it('are off while typing in a field', () => {
    const field = (tagName: string, extra: Record<string, unknown> = {}) =>
      ({
        tagName,
        isContentEditable: false,
        closest: () => null,
        ...extra,
      }) as unknown as EventTarget
    expect(isTypingTarget(field('TEXTAREA'))).toBe(true)
    expect(isTypingTarget(field('INPUT'))).toBe(true)
    expect(isTypingTarget(field('SELECT'))).toBe(true)
    expect(isTypingTarget(field('DIV', { isContentEditable: true }))).toBe(true)
    expect(isTypingTarget(field('TD'))).toBe(false)
    expect(isTypingTarget(null)).toBe(false)
  })
})
