/** The five practices from DESIGN §2. Each becomes a module; for now each has a placeholder page. */
export const PRACTICES = [
  { slug: 'talk', name: 'Talk', description: 'Say how you feel, listen to each other, and find your way to compromises without blame.' },
  { slug: 'together', name: 'Together', description: 'Make time for each other: rituals, dates and new things to try for the first time.' },
  { slug: 'touch', name: 'Touch', description: 'Gentle reminders for small moments of affection through the day.' },
  { slug: 'support', name: 'Support', description: 'Share what is on your plate, celebrate wins and say thank you.' },
  { slug: 'help', name: 'Help', description: 'Check in on how you are doing, and find professional help when you need it, without shame.' },
] as const;

export type PracticeSlug = (typeof PRACTICES)[number]['slug'];
