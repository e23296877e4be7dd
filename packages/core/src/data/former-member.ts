/**
 * Who wrote a shared item whose author deleted their account (decision 0040). The
 * partner who stays keeps those items to read and export, but nothing in them may
 * point at the deleted person any more, so their author id becomes this fixed value.
 */
export const FORMER_MEMBER_ID = '00000000-0000-4000-8000-000000000000';
