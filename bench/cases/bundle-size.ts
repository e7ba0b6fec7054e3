/** Group 1: bytes and gzip bytes of each bundle; Auth0 refuses an Action over 100 kB. */
import { gzipSync } from "node:zlib";
import type { CaseContext } from "./case-context";

export const AUTH0_CODE_LIMIT_BYTES = 100 * 1024;

export async function measureBundleSize({ variants, figures, notes }: CaseContext): Promise<void> {
  for (const variant of variants) {
    const bytes = Buffer.byteLength(variant.code, "utf8");
    figures.add("bundle.bytes", variant.id, [bytes]);
    figures.add("bundle.gzip_bytes", variant.id, [gzipSync(variant.code).byteLength]);
    if (bytes > AUTH0_CODE_LIMIT_BYTES) {
      notes.push(`${variant.label}: ${bytes} bytes, over Auth0's 100 kB limit (${AUTH0_CODE_LIMIT_BYTES} bytes).`);
    }
  }
}
