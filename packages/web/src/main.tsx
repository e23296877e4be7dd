import { render } from 'preact';
import { z } from 'zod/mini';
import { en } from 'zod/locales';
import { App } from './app.tsx';
import { bootstrapSession, lockAfterSessionLoss } from './auth/account.ts';
import { setSessionLostHandler } from './shared/api.ts';
import './ui/styles.css';

setSessionLostHandler(lockAfterSessionLoss);
// zod/mini leaves messages to the app: English ones for the few a person reads (a schedule, a damaged export).
z.config(en());

const root = document.getElementById('root');
if (root) {
  root.replaceChildren();
  render(<App />, root);
}
void bootstrapSession();
