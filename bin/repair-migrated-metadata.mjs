#!/usr/bin/env node
// Launcher for `npx repair-migrated-metadata`: runs the TypeScript CLI through tsx, so
// the operator tools need no build step.
import { register } from "tsx/esm/api";

register();
await import("../src/tools/cli.ts");
