// `node --import ./without-test-tools.mjs …`: hides Vitest and React from the modules that run,
// as in a host's Node script or backend that has neither installed, although this repository
// (where the consumer's node_modules lookup ends up) has both.
import { register } from 'node:module';

const hooks = `
const HIDDEN = /^(vitest|@vitest\\/|react|react-dom)($|\\/)/;
export async function resolve(specifier, context, next) {
  if (HIDDEN.test(specifier)) {
    const error = new Error(\`Cannot find package '\${specifier}': this consumer has no \${specifier} installed\`);
    error.code = 'ERR_MODULE_NOT_FOUND';
    throw error;
  }
  return next(specifier, context);
}
`;

register(`data:text/javascript,${encodeURIComponent(hooks)}`);
