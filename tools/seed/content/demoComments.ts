/**
 * Readers' comments on the reference post, so a new user finds a thread to read and a queue to
 * learn on: approved comments, one thread with a staff reply, and one comment waiting for a
 * moderator. `replyTo` names an earlier comment by its key. Emails use the reserved .example
 * domain: nobody receives mail there.
 */
export type DemoComment = {
  key: string
  replyTo?: string
  authorName: string
  authorEmail: string
  authorWebsite?: string
  body: string
  status: 'approved' | 'pending'
  staff?: boolean
  submittedAt: string
}

export const demoComments: DemoComment[] = [
  {
    key: 'lower-back',
    authorName: 'Dana Whitfield',
    authorEmail: 'dana.whitfield@example.com',
    body: 'I had two sessions for lower back pain after a long drive and the difference was real. The stretches you gave me for home helped too.',
    status: 'approved',
    submittedAt: '2023-12-04T18:12:00.000Z',
  },
  {
    key: 'how-often',
    authorName: 'Marcus Bell',
    authorEmail: 'marcus.bell@example.com',
    authorWebsite: 'https://marcusbell.example.com',
    body: 'How often would you suggest coming in for shoulder tension from desk work? Every week, or is every other week enough?',
    status: 'approved',
    submittedAt: '2023-12-06T09:40:00.000Z',
  },
  {
    key: 'how-often-answer',
    replyTo: 'how-often',
    authorName: 'Maya Alvarez',
    authorEmail: 'maya.alvarez@example.com',
    body: 'Good question, Marcus. For desk-related tension we usually start weekly for three or four visits, then space them out to every two to four weeks as things ease. Your therapist will adjust it to how you respond.',
    status: 'approved',
    staff: true,
    submittedAt: '2023-12-06T15:05:00.000Z',
  },
  {
    key: 'how-often-thanks',
    replyTo: 'how-often-answer',
    authorName: 'Marcus Bell',
    authorEmail: 'marcus.bell@example.com',
    authorWebsite: 'https://marcusbell.example.com',
    body: 'Thank you, that makes sense. Booking the first three now.',
    status: 'approved',
    submittedAt: '2023-12-07T08:22:00.000Z',
  },
  {
    key: 'pregnancy',
    authorName: 'Priya Natarajan',
    authorEmail: 'priya.n@example.com',
    body: 'Is medical massage safe during pregnancy? I am in my second trimester and my hips ache at night.',
    status: 'pending',
    submittedAt: '2023-12-09T21:30:00.000Z',
  },
]
