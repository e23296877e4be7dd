import { render } from 'preact';
import { z } from 'zod/mini';
import { App } from './app.tsx';
import { bootstrapSession, lockAfterSessionLoss } from './auth/account.ts';
import { setSessionLostHandler } from './shared/api.ts';
import './ui/styles.css';

setSessionLostHandler(lockAfterSessionLoss);
// zod/mini leaves messages to the app: English ones for the few a person reads (a schedule form, a damaged
// export), both on screens fetched later, so the messages are too and stay out of the start-up download.
void import('zod/locales').then(({ en }) => z.config(en()));

const root = document.getElementById('root');
if (root) {
  root.replaceChildren();
  render(<App />, root);
}
void bootstrapSession();
