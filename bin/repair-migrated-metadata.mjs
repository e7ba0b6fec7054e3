#!/usr/bin/env node
// Launcher for `npx repair-migrated-metadata`: the operator CLI as built JavaScript
// (dist/cli, written by `npm run build` and committed), so it starts at once and needs
// no build tool at run time.
import "../dist/cli/cli.js";
