// repair-migrated-metadata operator CLI: built from src/tools by `npm run build`; do not edit.

// src/tools/file-error-reason.ts
var REASONS = {
  ENOENT: "no such file or folder",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EISDIR: "it is a folder",
  ENOTDIR: "a part of the path is not a folder",
  ENOSPC: "the disk is full",
  EROFS: "the file system is read-only"
};
function fileErrorReason(error) {
  const code = error?.code;
  const known = code === void 0 ? void 0 : REASONS[code];
  return known ?? (error instanceof Error ? error.message : String(error));
}

export {
  fileErrorReason
};
