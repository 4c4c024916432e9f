import { defineConfig, defaultClientConditions } from 'vite';

export default defineConfig({
  // Use the workspace packages' TypeScript sources directly (see the "kolo-source" export condition).
  resolve: { conditions: ['kolo-source', ...defaultClientConditions] },
  // `pnpm --filter @kolo/demo dev` takes its port from KOLO_DEMO_PORT too
  server: { host: '127.0.0.1', port: Number(process.env.KOLO_DEMO_PORT ?? 5173), strictPort: true },
  // five pages: polls, quiz and reactions; ideas and questions; FAQ and help; the team console; the inbox (mail and webhooks the demo server sent)
  build: { rollupOptions: { input: { main: 'index.html', ideas: 'ideas.html', help: 'help.html', console: 'console.html', inbox: 'inbox.html' } } },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
