// repair-migrated-metadata operator CLI: built from src/tools by `npm run build`; do not edit.

// src/shared/action-identity.ts
var ACTION_NAME = "repair-migrated-metadata";

export {
  ACTION_NAME
};
