/**
 * The built-ins the login path calls, read once when the module loads. Inside Auth0's
 * sandbox (and the local runtime's `vm` context) every lookup of a global such as
 * `Object` or `Array` goes through the context's global object and costs several times
 * a local read; module constants are plain closure reads, whatever the realm. (`Date` is
 * not captured: test clocks replace it, and the login path reads it only once it calls
 * the legacy store.)
 */
export const hasOwn = Object.hasOwn;
export const getPrototypeOf = Object.getPrototypeOf;
export const objectKeys = Object.keys;
export const OBJECT_PROTOTYPE: object = Object.prototype;
export const isArray = Array.isArray;
