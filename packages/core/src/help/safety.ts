import { z } from 'zod/mini';

/**
 * The private safety check. Clinics ask each partner about fear, control and harm
 * separately, and refer couples where there is abuse to individual help rather than
 * couples counseling; Hearth does the same, on the device, and tells nobody.
 *
 * Any answer other than "no" counts as worrying: being unsure is itself a sign worth
 * taking seriously, and showing resources to someone who did not need them costs little.
 */
export const SAFETY_ANSWERS = ['no', 'unsure', 'yes'] as const;
export type SafetyAnswer = (typeof SAFETY_ANSWERS)[number];

export const SAFETY_ANSWER_LABELS: Record<SafetyAnswer, string> = {
  no: 'No',
  unsure: "I'm not sure",
  yes: 'Yes',
};

export const SAFETY_QUESTIONS = [
  { id: 'afraid', text: 'Do you ever feel afraid of your partner, or of what they might do?' },
  { id: 'money', text: 'Does your partner keep you from money, or check or limit how you spend it?' },
  { id: 'phone', text: 'Does your partner go through your phone or messages, or track where you are, when you do not want them to?' },
  { id: 'people', text: 'Does your partner stop you from seeing friends or family, or make it hard to?' },
  { id: 'hurt', text: 'Has your partner hurt you, threatened to hurt you, or made you do things you did not want to do?' },
] as const;

export type SafetyQuestionId = (typeof SAFETY_QUESTIONS)[number]['id'];

const answer = z.enum(SAFETY_ANSWERS);
export const safetyAnswers = z.object({
  afraid: answer,
  money: answer,
  phone: answer,
  people: answer,
  hurt: answer,
});
export type SafetyAnswers = z.infer<typeof safetyAnswers>;

/** True when any answer is "yes" or "I'm not sure". */
export function isWorrying(answers: SafetyAnswers): boolean {
  return SAFETY_QUESTIONS.some((q) => answers[q.id] !== 'no');
}

export const SAFETY_ADVICE = {
  individual:
    'When there is fear, control or harm in a relationship, couples counseling is not recommended: it can make things more dangerous, and it can put the weight on you to change. Talking on your own with someone trained in abuse is what helps. These services are confidential and free.',
  planning:
    'A safety plan is a set of small steps you work out ahead of time: a safe place to go, someone you can call, a code word, copies of important papers and some money kept somewhere safe. The services below can help you make one that fits your situation. If someone may check this device, use Quick exit (or press Escape three times) to leave Hearth at once.',
  emergency: 'If you are in danger right now, call your local emergency number.',
} as const;
