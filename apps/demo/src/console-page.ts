import { adminToken, chosen, endpoint } from './setup.ts';
import './console/console.ts';

/** The console page: the team console on the demo's server (it needs Kolo's server: the admin API). */
const main = document.querySelector('main')!;
const { server } = await chosen;
if (server) {
  const el = Object.assign(document.createElement('team-console'), { endpoint });
  main.append(el);
  if (adminToken) {
    const hint = Object.assign(document.createElement('p'), { className: 'note', textContent: 'The demo server’s admin token (it listens on this computer only): ' });
    hint.append(Object.assign(document.createElement('code'), { textContent: adminToken }));
    main.append(hint);
  }
} else {
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.textContent = 'The team console works with Kolo’s server (its admin API). Start the demo with “bash scripts/kolo.sh demo”, which runs one.';
  main.append(p);
}
