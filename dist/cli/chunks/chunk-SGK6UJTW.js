// repair-migrated-metadata operator CLI: built from src/tools by `npm run build`; do not edit.

// src/tools/tool-error.ts
var ToolError = class extends Error {
  constructor(message, hint) {
    super(message);
    this.hint = hint;
    this.name = "ToolError";
  }
  hint;
};

export {
  ToolError
};
