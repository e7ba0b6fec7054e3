// repair-migrated-metadata operator CLI: built from src/tools by `npm run build`; do not edit.

// src/tools/exit-codes.ts
var EXIT = { done: 0, someFailed: 1, failed: 2, bug: 70, interrupted: 130 };

export {
  EXIT
};
