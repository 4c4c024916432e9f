// Runs the pack test's browser checks inside the throw-away project made by scripts/pack-test.mjs:
// bare imports resolve from that project's node_modules (the installed tarballs), not the workspace.
import base from './web-test-runner.config.mjs';

const root = process.env.KOLO_PACK_DIR;
if (!root) throw new Error('KOLO_PACK_DIR is not set (run scripts/pack-test.mjs)');

export default {
  ...base,
  rootDir: root,
  files: [`${root}/*.test.js`],
  nodeResolve: { exportConditions: ['browser', 'production'] },
  plugins: [],
};
