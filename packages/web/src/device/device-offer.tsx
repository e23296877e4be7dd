import { useEffect, useState } from 'preact/hooks';
import { Link } from '../shared/router.tsx';
import { readDevice } from './device-store.ts';

const DISMISSED = 'hearth-device-offer-dismissed';

/** The one-time offer after signing in, on Today: dismissable, and always in Settings → This device. */
export function DeviceOffer() {
  const [show, setShow] = useState(false);
  useEffect(() => {
    const dismissed = (() => {
      try {
        return localStorage.getItem(DISMISSED) === '1';
      } catch {
        return true;
      }
    })();
    if (dismissed) return;
    void readDevice().then((record) => setShow(record === null));
  }, []);
  if (!show) return null;
  const dismiss = () => {
    try {
      localStorage.setItem(DISMISSED, '1');
    } catch {
      // Without storage the offer simply comes back next time.
    }
    setShow(false);
  };
  return (
    <section class="card stack offer" aria-labelledby="device-offer-heading">
      <h2 id="device-offer-heading">Open Hearth faster here</h2>
      <p>Unlock this device with Face ID, your fingerprint, a security key or a 6-digit PIN, instead of your password each time.</p>
      <div class="actions">
        <Link class="button primary" href="/app/settings/device">
          Set it up
        </Link>
        <button type="button" class="link" onClick={dismiss}>
          Not now
        </button>
      </div>
    </section>
  );
}
