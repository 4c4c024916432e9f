// The baseline for the benchmark: a bare Hono "hello" route on the same Node server adapter.
import { Hono } from 'hono';
import { serve } from '@hono/node-server';

const app = new Hono();
app.get('/', (c) => c.text('hello'));
serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 8790), hostname: '127.0.0.1' }, (info) => console.log(`hello on ${info.port}`));
