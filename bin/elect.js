#!/usr/bin/env node
// The `elect` command (package.json "bin"): runs the TypeScript CLI through tsx, a runtime
// dependency, so an installed platform needs no build step for its command line.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
