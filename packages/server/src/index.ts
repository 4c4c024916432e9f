/** @kolo/server: start a server (database, migrations, live path, HTTP) and stop it cleanly; sign a page's widgets. */
export { startServer, type KoloServer } from './server.ts';
export { configFromEnv, type ServerConfig } from './config.ts';
export { signWidget, verifyWidget } from './definitions/sign.ts';
export { definitionsFromHtml, signWidgets } from './definitions/html.ts';
export { verifyWebhook } from './webhooks/sign.ts';
