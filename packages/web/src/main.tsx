import { render } from 'preact';
import { App } from './app.tsx';
import { bootstrapSession, lockAfterSessionLoss } from './auth/account.ts';
import { setSessionLostHandler } from './shared/api.ts';
import { startOutbox } from './sync/outbox.ts';
import { startSync } from './sync/sync.ts';
import './ui/styles.css';

setSessionLostHandler(lockAfterSessionLoss);

const root = document.getElementById('root');
if (root) {
  root.replaceChildren();
  render(<App />, root);
}
void bootstrapSession();
startOutbox();
startSync();
