#!/usr/bin/env node
// The `tongban` command. TypeScript sources run through tsx's loader (see docs/adr/0002).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
