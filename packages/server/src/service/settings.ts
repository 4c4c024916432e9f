/** The team's service level (core contract/service.ts): one row, core's default until the team sets it. */
import { DEFAULT_SERVICE, serviceSchema, type Service } from '@kolo/core';
import type { Queryable } from '../db/types.ts';
import { json } from '../db/values.ts';

/** The setting in force (a stored one that no longer reads as valid falls back to the default). */
export async function service(q: Queryable): Promise<Service> {
  const [r] = await q.query<{ settings: unknown }>('select settings from kolo_service where id');
  const s = r && serviceSchema.safeParse(json(r.settings));
  return s?.success ? s.data : DEFAULT_SERVICE;
}

/** Replace the setting; answers the one now in force. */
export async function setService(q: Queryable, s: Service): Promise<Service> {
  await q.query(
    `insert into kolo_service (id, settings) values (true, $1::jsonb) on conflict (id) do update set settings = excluded.settings, updated_at = now()`,
    [JSON.stringify(s)],
  );
  return s;
}
