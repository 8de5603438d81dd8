import type { ContentBlock } from '../lexical'

export type DemoPost = {
  title: string
  excerpt: string
  publishedAt: string
  author: string
  categories: string[]
  tags: string[]
  imageAlt: string
  blocks: ContentBlock[]
}

/** Shorter posts so the index paginates and Recent Posts has something to list. */
export const demoPosts: DemoPost[] = [
  {
    title: 'What to Expect at Your First Dysport Appointment',
    excerpt:
      'From consultation to follow-up, here is how a first Dysport visit goes and how to prepare.',
    publishedAt: '2023-11-14T15:00:00.000Z',
    author: 'jordan-lee',
    categories: ['injectables'],
    tags: ['dysport'],
    imageAlt: 'A calm treatment room prepared for an injectables appointment',
    blocks: [
      {
        type: 'p',
        text: 'A first appointment starts with a conversation about your goals and your medical history, so the injector can plan a natural-looking result.',
      },
      { type: 'h2', text: 'Before your visit' },
      {
        type: 'ul',
        items: [
          'Avoid blood thinners such as aspirin for a few days, if your doctor agrees',
          'Arrive without makeup on the treatment area',
          'Bring a list of your medications',
        ],
      },
      { type: 'h2', text: 'After your visit' },
      {
        type: 'p',
        text: 'Most people return to their day at once. Results appear over two to three days and settle within two weeks, when we invite you back for a check.',
      },
    ],
  },
  {
    title: 'Dermal Fillers: Common Questions Answered',
    excerpt: 'How long fillers last, whether they hurt, and who is a good candidate.',
    publishedAt: '2023-10-26T15:00:00.000Z',
    author: 'jordan-lee',
    categories: ['injectables'],
    tags: ['fillers'],
    imageAlt: 'Skincare products and a mirror on a clinic counter',
    blocks: [
      {
        type: 'p',
        text: 'Hyaluronic acid fillers restore volume and soften lines. They are among the most requested treatments at our clinic.',
      },
      { type: 'h2', text: 'How long do fillers last?' },
      {
        type: 'p',
        text: 'Depending on the product and the area treated, results typically last six to eighteen months.',
      },
      { type: 'h2', text: 'Does it hurt?' },
      {
        type: 'p',
        text: 'Most fillers contain a local anaesthetic, and we can apply a numbing cream first. Most clients describe a brief pinch.',
      },
    ],
  },
  {
    title: 'Five Stretches to Extend the Benefits of Your Massage',
    excerpt: 'Gentle stretches you can do at home between sessions to keep muscles loose.',
    publishedAt: '2023-10-09T15:00:00.000Z',
    author: 'maya-alvarez',
    categories: ['massage-therapy'],
    tags: ['pain-relief', 'self-care'],
    imageAlt: 'A person stretching on a yoga mat beside a window',
    blocks: [
      {
        type: 'p',
        text: 'The relief you feel after a massage lasts longer when you keep moving. These stretches take ten minutes.',
      },
      {
        type: 'ul',
        items: [
          'Neck side bend',
          'Doorway chest stretch',
          'Seated spinal twist',
          'Hip flexor lunge',
          'Calf stretch against a wall',
        ],
      },
      {
        type: 'p',
        text: 'Stretch to mild tension, never pain, and breathe slowly. Ask your therapist which stretches suit your condition.',
      },
    ],
  },
  {
    title: 'Hydration and Skin: What the Evidence Says',
    excerpt: 'Drinking water helps, but it is only part of how skin stays hydrated.',
    publishedAt: '2023-09-21T15:00:00.000Z',
    author: 'jordan-lee',
    categories: ['skin-care'],
    tags: ['self-care'],
    imageAlt: 'A glass of water with lemon slices on a wooden table',
    blocks: [
      {
        type: 'p',
        text: 'Skin hydration depends on the barrier that keeps water in as much as on the water you drink.',
      },
      { type: 'h2', text: 'Support your skin barrier' },
      {
        type: 'ul',
        items: [
          'Use a gentle cleanser',
          'Moisturise while skin is still damp',
          'Wear sunscreen every day',
        ],
      },
    ],
  },
  {
    title: 'Deep Tissue or Swedish Massage: Which Should You Book?',
    excerpt: 'Two of our most popular massages compared, and how to choose between them.',
    publishedAt: '2023-09-05T15:00:00.000Z',
    author: 'maya-alvarez',
    categories: ['massage-therapy'],
    tags: ['pain-relief'],
    imageAlt: 'Massage stones and folded towels on a treatment table',
    blocks: [
      {
        type: 'p',
        text: 'Swedish massage uses long, gentle strokes to relax the whole body. Deep tissue massage works slowly into deeper layers of muscle.',
      },
      {
        type: 'p',
        text: 'If you want to unwind, book Swedish. If you have a persistent knot or chronic tightness, deep tissue is usually the better choice.',
      },
    ],
  },
  {
    title: 'Preparing for a Filler Party with Friends',
    excerpt:
      'How our group events work, and why a medical assessment still comes first for everyone.',
    publishedAt: '2023-08-17T15:00:00.000Z',
    author: 'jordan-lee',
    categories: ['injectables'],
    tags: ['fillers', 'dysport'],
    imageAlt: 'A bright clinic lounge with armchairs arranged for a small group',
    blocks: [
      {
        type: 'p',
        text: 'A filler party is a small group booking at our clinic. Each guest has a private consultation and treatment.',
      },
      {
        type: 'p',
        text: 'Everyone completes a health questionnaire before the day, and anyone for whom treatment is not suitable is told privately.',
      },
    ],
  },
  {
    title: 'Massage for Tension Headaches',
    excerpt: 'How neck and shoulder work can reduce how often tension headaches come back.',
    publishedAt: '2023-07-30T15:00:00.000Z',
    author: 'maya-alvarez',
    categories: ['massage-therapy', 'wellness'],
    tags: ['pain-relief'],
    imageAlt: 'A therapist working on the neck and shoulders of a client',
    blocks: [
      {
        type: 'p',
        text: 'Tension headaches often start in tight muscles of the neck, shoulders and scalp.',
      },
      {
        type: 'p',
        text: 'Regular massage of these areas, together with posture changes, helps many clients reduce how often headaches return.',
      },
    ],
  },
]
