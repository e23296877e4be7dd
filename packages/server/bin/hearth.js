#!/usr/bin/env node
// The server is TypeScript run directly (no build step); tsx teaches Node to load it.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
