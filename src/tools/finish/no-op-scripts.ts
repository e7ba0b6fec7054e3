/**
 * The scripts that disconnect the legacy store, as Auth0's automatic-migration guide
 * describes: `login` and `get_user` answer "no such user" (`callback(null, null)`) without
 * calling anything. With "Import Users to Auth0" left on, Auth0 checks migrated users
 * against its own store and calls `login` only for users it does not hold; `get_user`
 * (sign-up, password reset, email change) then finds nobody in the old store.
 *
 * One difference from the guide's text: the callback is taken as the last argument. A
 * connection with `enable_script_context` passes a context object before the callback,
 * and the guide's `callback(null, null)` would then call the context and throw, which
 * turns "not found" into an error on every sign-up.
 */
import type { MigrationScript } from "./connection-copy";

const LOGIN = `function login(userNameOrEmail, password, callback) {
  // The legacy store is switched off (repair-migrated-metadata finish). With "Import Users to Auth0" on,
  // Auth0 checks migrated users against its own store and does not call this for them; anyone else is not found.
  // The callback is the last argument, also when the connection passes a context before it.
  const done = arguments[arguments.length - 1];
  return done(null, null);
}
`;

const GET_USER = `function getByEmail(email, callback) {
  // The legacy store is switched off (repair-migrated-metadata finish): nobody is looked up there any more.
  // The callback is the last argument, also when the connection passes a context before it.
  const done = arguments[arguments.length - 1];
  return done(null, null);
}
`;

export const NO_OP_SCRIPTS: Readonly<Record<MigrationScript, string>> = { login: LOGIN, get_user: GET_USER };
