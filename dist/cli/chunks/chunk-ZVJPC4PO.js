// repair-migrated-metadata operator CLI: built from src/tools by `npm run build`; do not edit.

// src/tools/atomic-write.ts
import { renameSync, rmSync, writeFileSync } from "node:fs";
function temporaryPathFor(path) {
  return `${path}.${process.pid}.tmp`;
}
function writeFileAtomically(path, text) {
  const temporary = temporaryPathFor(path);
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

export {
  temporaryPathFor,
  writeFileAtomically
};
