import { describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { undocumented } from '../src/http/openapi.ts';
import { serverFor, vote } from './harness.ts';

describe('/v1/openapi.json', () => {
  const ctx = serverFor(undefined);

  it('is a valid OpenAPI 3.1 document of every route the server serves, and of no other', async () => {
    const r = await ctx.api.get('/v1/openapi.json');
    expect(r.status).toBe(200);
    const result = await new Validator().validate(r.body);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(r.body.openapi).toBe('3.1.0');
    expect(undocumented(ctx.server.routes)).toEqual({ missing: [], stale: [] });
    const operations = Object.entries(r.body.paths as Record<string, object>).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(operations.sort()).toEqual(ctx.server.routes.map((x) => `${x.method} ${x.path.replace(/:(\w+)/g, '{$1}')}`).sort());
  });

  it("describes requests with the contract's schemas: a real vote passes, a broken one fails, the voter header is required", async () => {
    const doc = (await ctx.api.get('/v1/openapi.json')).body;
    const ajv = new Ajv2020({ strict: false });
    const action = ajv.compile(doc.paths['/v1/actions'].post.requestBody.content['application/json'].schema);
    expect(action(vote('p1', 'v1', ['a']))).toBe(true);
    expect(action({ ...vote('p1', 'v1', ['a']), type: 'teleport' })).toBe(false);
    expect(action({ ...vote('p1', 'v1', ['a']), widget: { kind: 'poll', id: '' } })).toBe(false);
    const read = doc.paths['/v1/widgets/{kind}/{id}'].get;
    expect(read.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Kolo-Voter', in: 'header', required: true }), expect.objectContaining({ name: 'kind', in: 'path', required: true })]));
    const kind = read.parameters.find((p: { name: string }) => p.name === 'kind').schema;
    expect(kind.enum).toContain('poll');
    const view = ajv.compile(read.responses['200'].content['application/json'].schema);
    const answer = (await ctx.api.post('/v1/actions', vote('p1', 'v1', ['a']))).body;
    expect(view(answer)).toBe(true);
    const error = ajv.compile({ ...doc.components.schemas.Error });
    expect(error((await ctx.api.post('/v1/actions', { type: 'vote' })).body)).toBe(true);
    expect(doc.paths['/v1/admin/widgets'].get.security).toEqual([{ admin: [] }]);
  });
});
