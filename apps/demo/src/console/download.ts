import type { AdminApi } from './api.ts';

/** Download an admin CSV (it needs the token, so it is fetched, then saved as `name`). */
export async function downloadCsv(api: AdminApi, path: string, name: string) {
  const blob = await api.csv(path);
  const a = Object.assign(document.createElement('a'), { href: URL.createObjectURL(blob), download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
}
