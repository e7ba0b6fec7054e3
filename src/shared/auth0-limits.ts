/**
 * Auth0's documented limits that several commands enforce (Actions limitations page):
 * the deploy refuses what the tenant would refuse, the local runtime refuses what
 * production would.
 */
export { MAX_SECRET_VALUE_LENGTH } from "../action/secret-table";

export const MAX_SECRETS = 30;
export const MAX_SECRET_NAME_LENGTH = 128;
